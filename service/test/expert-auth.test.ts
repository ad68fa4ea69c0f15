import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, concreteUrl } from './helpers/app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const adminMe = (authorization?: string) => app.inject({ method: 'GET', url: '/admin/v1/me', headers: authorization ? { authorization } : {} })

describe('expert API keys', () => {
  it('a new key is random, at least 128 bits, and stored only as a hash', async () => {
    const a = await app.experts.create({ name: 'Jan Ekspert', email: 'jan@example.com', admin: false })
    const b = await app.experts.create({ name: 'Jan Ekspert', email: 'jan@example.com', admin: false })
    expect(a.key).not.toBe(b.key)
    expect(Buffer.from(a.key.slice(4), 'base64url').length).toBeGreaterThanOrEqual(16)
    const stored = await app.models.ExpertKey.findOne({ expertId: a.expert.id }).lean()
    expect(JSON.stringify([await app.models.Expert.findById(a.expert.id).lean(), stored])).not.toContain(a.key)
    expect(stored?.keyHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('authenticates with a valid key', async () => {
    const { key } = await app.experts.create({ name: 'Ola Admin', email: 'ola@example.com', admin: true })
    const res = await adminMe(`Bearer ${key}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: 'Ola Admin', admin: true })
  })

  it('rejects a missing key', async () => {
    const res = await adminMe()
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('EXPERT_KEY_MISSING')
  })

  it('rejects a wrong key', async () => {
    const res = await adminMe('Bearer zek_thisKeyDoesNotExist0000000000000000000000')
    expect(res.json()).toMatchObject({ status: 401, code: 'EXPERT_KEY_INVALID' })
  })

  it('rejects an identity token on the admin subtree', async () => {
    const res = await adminMe('Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc')
    expect(res.json().code).toBe('EXPERT_KEY_INVALID')
  })

  // Issue 16 finding 7: a distinct "revoked" answer told the holder of a leaked key that it was once real.
  it('rejects a revoked key exactly as it rejects a key that never existed', async () => {
    const { key, expert } = await app.experts.create({ name: 'Piotr', email: 'p@example.com', admin: false })
    expect((await adminMe(`Bearer ${key}`)).statusCode).toBe(200)
    expect(await app.experts.revoke(expert.id)).toBe(true)
    const revoked = await adminMe(`Bearer ${key}`)
    const unknown = await adminMe(`Bearer zek_${'x'.repeat(43)}`)
    const comparable = (res: typeof revoked) => ({ status: res.statusCode, body: { ...res.json(), requestId: undefined } })
    expect(comparable(revoked)).toEqual(comparable(unknown))
    expect(revoked.json()).toMatchObject({ status: 401, code: 'EXPERT_KEY_INVALID' })
  })

  it('guards every registered admin route', async () => {
    // The sign-in link routes are the only public ones (test/sessions/).
    const adminRoutes = app.routesSeen.filter((r) => r.url.startsWith('/admin/v1') && !r.url.startsWith('/admin/v1/session/link'))
    expect(adminRoutes.length).toBeGreaterThan(0)
    for (const route of adminRoutes) {
      const res = await app.inject({ method: route.method as 'GET', url: concreteUrl(route.url) })
      expect({ route, code: res.json().code }).toEqual({ route, code: 'EXPERT_KEY_MISSING' })
    }
  })
})
