import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createExpert, sha256 } from '../helpers/factories.js'
import { SERVICE_ORIGIN, sessionCookie } from './support.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ publicUrl: SERVICE_ORIGIN, sessionIdleMinutes: 30, sessionMaxHours: 8 })
})
afterAll(() => app.close())

const me = (cookie: string) => app.inject({ method: 'GET', url: '/admin/v1/me', headers: { cookie } })

describe('expert sessions', () => {
  it('POST /admin/v1/session with a key answers 204 and a HttpOnly, Secure, SameSite=Strict host cookie', async () => {
    const { key } = await createExpert(app, { name: 'Tomasz Ekspert' })
    const res = await app.inject({ method: 'POST', url: '/admin/v1/session', headers: { authorization: `Bearer ${key}` } })
    expect(res.statusCode).toBe(204)
    const header = String(res.headers['set-cookie'])
    expect(header).toMatch(/^__Host-ze_session=[A-Za-z0-9_-]{43};/)
    expect(header).toContain('HttpOnly')
    expect(header).toContain('Secure')
    expect(header).toContain('SameSite=Strict')
    expect(header).toContain('Path=/')
    expect(header).not.toContain('Domain')
    expect(header).toContain(`Max-Age=${8 * 3600}`)
  })

  it('the cookie authenticates reads; only its hash is stored', async () => {
    const { key, expert } = await createExpert(app, { name: 'Ola Ekspert' })
    const cookie = await sessionCookie(app, key)
    const res = await me(cookie)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: expert.id, name: 'Ola Ekspert' })
    const secret = cookie.split('=')[1]!
    const stored = await app.models.ExpertSession.find({ expertId: expert.id }).lean()
    expect(stored.map((s) => s._id)).toEqual([sha256(secret)])
    expect(JSON.stringify(stored)).not.toContain(secret)
  })

  it('a session cannot start another session: only a key may', async () => {
    const { key } = await createExpert(app)
    const cookie = await sessionCookie(app, key)
    const res = await app.inject({ method: 'POST', url: '/admin/v1/session', headers: { cookie, origin: SERVICE_ORIGIN, 'x-ze-console': '1' } })
    expect(res.json()).toMatchObject({ status: 401, code: 'EXPERT_KEY_MISSING' })
  })

  it('an unknown or malformed cookie is refused with EXPERT_SESSION_INVALID', async () => {
    for (const value of ['x'.repeat(43), 'short', '']) {
      const res = await me(`__Host-ze_session=${value}`)
      expect(res.statusCode).toBe(401)
      expect(['EXPERT_SESSION_INVALID', 'EXPERT_KEY_MISSING']).toContain(res.json().code)
    }
    expect((await me(`__Host-ze_session=${'x'.repeat(43)}`)).json().code).toBe('EXPERT_SESSION_INVALID')
  })

  it('DELETE /admin/v1/session signs out: the record is gone and the cookie no longer works', async () => {
    const { key } = await createExpert(app)
    const cookie = await sessionCookie(app, key)
    const res = await app.inject({ method: 'DELETE', url: '/admin/v1/session', headers: { cookie, origin: SERVICE_ORIGIN, 'x-ze-console': '1' } })
    expect(res.statusCode).toBe(204)
    expect(String(res.headers['set-cookie'])).toMatch(/__Host-ze_session=;.*Expires=Thu, 01 Jan 1970/)
    expect((await me(cookie)).json().code).toBe('EXPERT_SESSION_INVALID')
    expect(await app.models.ExpertSession.countDocuments({ _id: sha256(cookie.split('=')[1]!) })).toBe(0)
  })

  it('expires after the idle time and after the absolute lifetime', async () => {
    const { key } = await createExpert(app)
    const idle = await sessionCookie(app, key)
    await app.models.ExpertSession.updateOne({ _id: sha256(idle.split('=')[1]!) }, { $set: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } })
    expect((await me(idle)).json().code).toBe('EXPERT_SESSION_INVALID')

    const old = await sessionCookie(app, key)
    await app.models.ExpertSession.updateOne({ _id: sha256(old.split('=')[1]!) }, { $set: { expiresAt: new Date(Date.now() - 1000) } })
    expect((await me(old)).json().code).toBe('EXPERT_SESSION_INVALID')
  })

  it('activity keeps a session alive past the idle time (lastSeenAt moves)', async () => {
    const { key } = await createExpert(app)
    const cookie = await sessionCookie(app, key)
    const id = sha256(cookie.split('=')[1]!)
    await app.models.ExpertSession.updateOne({ _id: id }, { $set: { lastSeenAt: new Date(Date.now() - 20 * 60_000) } })
    expect((await me(cookie)).statusCode).toBe(200)
    const doc = await app.models.ExpertSession.findById(id).lean()
    expect(Date.now() - doc!.lastSeenAt.getTime()).toBeLessThan(60_000)
  })

  it('revoking the expert ends their sessions at once', async () => {
    const { key, expert } = await createExpert(app)
    const cookie = await sessionCookie(app, key)
    await app.experts.revoke(expert.id)
    expect((await me(cookie)).json().code).toBe('EXPERT_SESSION_INVALID')
  })

  it('an API key still works beside a cookie (the key wins)', async () => {
    const a = await createExpert(app, { name: 'Anna' })
    const b = await createExpert(app, { name: 'Bartek' })
    const cookie = await sessionCookie(app, a.key)
    const res = await app.inject({ method: 'GET', url: '/admin/v1/me', headers: { cookie, authorization: `Bearer ${b.key}` } })
    expect(res.json().name).toBe('Bartek')
  })
})
