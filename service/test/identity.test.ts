import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose'
import { buildTestApp, concreteUrl } from './helpers/app.js'
import { bearer, personas, signToken, TEST_APP } from './helpers/tokens.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ tokenMaxLifetimeSeconds: 3600 })
})
afterAll(() => app.close())

const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/me', headers })

async function expectProblem(headers: Record<string, string>, code: string) {
  const res = await me(headers)
  expect(res.statusCode).toBe(401)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(res.json()).toMatchObject({ status: 401, code })
}

describe('identity token verification', () => {
  it('accepts a well-signed token and returns the verified identity', async () => {
    const res = await me(bearer(await signToken(personas.chiefOffice)))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ user: { id: 'chief-a', role: 'office_chief', locale: 'pl' }, office: { id: 'office-a' }, account: { type: 'office' } })
  })

  it('rejects a request without a token', () => expectProblem({}, 'TOKEN_MISSING'))
  it('rejects garbage', () => expectProblem(bearer('not.a.jwt'), 'TOKEN_MALFORMED'))
  it('rejects a non-bearer scheme', () => expectProblem({ authorization: 'Basic Zm9vOmJhcg==' }, 'TOKEN_MISSING'))

  it('rejects alg: none', async () => {
    const now = Math.floor(Date.now() / 1000)
    const token = new UnsecuredJWT({ ...personas.chiefOffice, aud: TEST_APP.id, iat: now, exp: now + 60 }).encode()
    await expectProblem(bearer(token), 'TOKEN_ALGORITHM_NOT_ALLOWED')
  })

  it('rejects HS512 even with the right secret', async () => {
    await expectProblem(bearer(await signToken(personas.chiefOffice, { alg: 'HS512' })), 'TOKEN_ALGORITHM_NOT_ALLOWED')
  })

  it('rejects an RS256 token', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const now = Math.floor(Date.now() / 1000)
    const token = await new SignJWT({ ...personas.chiefOffice, aud: TEST_APP.id, iat: now, exp: now + 60 })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(privateKey)
    await expectProblem(bearer(token), 'TOKEN_ALGORITHM_NOT_ALLOWED')
  })

  it('rejects a bad signature', async () => {
    await expectProblem(bearer(await signToken(personas.chiefOffice, { secret: 'another-secret-that-is-long-enough-000000' })), 'TOKEN_SIGNATURE_INVALID')
  })

  it('rejects a tampered payload', async () => {
    const [h, , s] = (await signToken(personas.employee)).split('.')
    const forged = Buffer.from(JSON.stringify({ ...personas.chiefOffice, aud: TEST_APP.id, iat: 1, exp: 9999999999 })).toString('base64url')
    await expectProblem(bearer(`${h}.${forged}.${s}`), 'TOKEN_SIGNATURE_INVALID')
  })

  it('rejects an unknown audience', async () => {
    await expectProblem(bearer(await signToken(personas.chiefOffice, { audience: 'other-app' })), 'TOKEN_AUDIENCE_INVALID')
  })

  it('rejects an audience array', async () => {
    await expectProblem(bearer(await signToken(personas.chiefOffice, { audience: [TEST_APP.id, 'x'] })), 'TOKEN_AUDIENCE_INVALID')
  })

  it('rejects an expired token', async () => {
    await expectProblem(bearer(await signToken(personas.chiefOffice, { issuedAt: Math.floor(Date.now() / 1000) - 700, lifetimeSeconds: 600 })), 'TOKEN_EXPIRED')
  })

  it('rejects a token living longer than the configured maximum', async () => {
    await expectProblem(bearer(await signToken(personas.chiefOffice, { lifetimeSeconds: 3601 })), 'TOKEN_LIFETIME_TOO_LONG')
  })

  it('rejects a token issued in the future', async () => {
    await expectProblem(bearer(await signToken(personas.chiefOffice, { issuedAt: Math.floor(Date.now() / 1000) + 600 })), 'TOKEN_NOT_YET_VALID')
  })

  it('rejects a token without exp', async () => {
    await expectProblem(bearer(await signToken(personas.chiefOffice, { omit: ['exp'] })), 'TOKEN_CLAIMS_INVALID')
  })

  it.each([
    ['missing role', { ...personas.chiefOffice, role: undefined }],
    ['unknown role', { ...personas.chiefOffice, role: 'admin' }],
    ['office not an object', { ...personas.chiefOffice, office: 'office-a' }],
    ['account type unknown', { ...personas.chiefOffice, account: { type: 'bank', id: 'x', name: 'y' } }],
    ['package.active a string', { ...personas.chiefOffice, package: { active: 'yes' } }],
    ['sub a number', { ...personas.chiefOffice, sub: 42 }],
    ['missing name', { ...personas.chiefOffice, name: undefined }],
    ['bad locale', { ...personas.chiefOffice, locale: 'de' }]
  ])('rejects ill-typed claims: %s', async (_label, claims) => {
    await expectProblem(bearer(await signToken(claims as Record<string, unknown>)), 'TOKEN_CLAIMS_INVALID')
  })
})

describe('the /api/v1 subtree', () => {
  it('requires an identity token on every registered route', async () => {
    const apiRoutes = app.routesSeen.filter((r) => r.url.startsWith('/api/v1'))
    expect(apiRoutes.length).toBeGreaterThan(0)
    for (const route of apiRoutes) {
      const res = await app.inject({ method: route.method as 'GET', url: concreteUrl(route.url) })
      expect({ route, code: res.json().code }).toEqual({ route, code: 'TOKEN_MISSING' })
    }
  })
})
