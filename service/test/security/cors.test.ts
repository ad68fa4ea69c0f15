import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createExpert, freshChief, multipart } from '../helpers/factories.js'
import { TEST_APP } from '../helpers/tokens.js'

// Issue 16 finding 5: /admin/v1 answered cross-origin preflights (origin echoed, Authorization
// allowed), and a token of app A was accepted, with CORS headers, from app B's origin.
const ORIGIN_A = TEST_APP.allowedOrigins[0]!
const ORIGIN_B = 'https://biuro-b.example'

let app: FastifyInstance
let expertHeaders: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp()
  await app.apps.upsert({ id: 'other-app', name: 'Other host', secret: 'other-secret-that-is-long-enough-012345', allowedOrigins: [ORIGIN_B] })
  expertHeaders = (await createExpert(app)).headers
})
afterAll(() => app.close())

const preflight = (url: string, origin: string) =>
  app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })

describe('CORS on /admin/v1', () => {
  it('answers no preflight, for any origin an app allows', async () => {
    for (const origin of [ORIGIN_A, ORIGIN_B]) {
      const res = await preflight('/admin/v1/cases', origin)
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
      expect(res.headers['access-control-allow-headers']).toBeUndefined()
      expect(res.statusCode).not.toBe(204)
    }
  })

  it('adds no CORS headers to a cross-origin request (the console is same-origin)', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/v1/cases', headers: { ...expertHeaders, origin: ORIGIN_A } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('CORS on /api/v1: the origin must belong to the token’s app', () => {
  it('answers a token of app A from A’s origin with A’s CORS headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { ...(await authFor('chiefOffice')), origin: ORIGIN_A } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN_A)
  })

  it('refuses a token of app A sent from app B’s origin: 403, no CORS headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { ...(await authFor('chiefOffice')), origin: ORIGIN_B } })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('ORIGIN_NOT_ALLOWED')
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('does not act on a write from the wrong origin (the browser would only hide the answer)', async () => {
    const chief = freshChief()
    const body = await multipart({ question: 'Z obcej strony', entryPoint: 'sidebar' })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: body.payload,
      headers: { ...body.headers, ...(await authFor(chief)), origin: ORIGIN_B }
    })
    expect(res.statusCode).toBe(403)
    expect(await app.db.db!.collection('cases').countDocuments({ officeId: (chief.office as { id: string }).id })).toBe(0)
  })

  it('still serves callers that send no Origin (server to server)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: await authFor('chiefOffice') })
    expect(res.statusCode).toBe(200)
  })
})
