import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { RunningMailpit } from '@ze/testkit/mailpit'
import { buildTestApp } from '../helpers/app.js'
import { createExpert } from '../helpers/factories.js'
import { appWithMailpit, mailTo } from '../helpers/notifications.js'
import { consoleHeaders, sessionCookie } from '../sessions/support.js'

// Zespół on the real database and a real Mailpit; a second app instance on the same database
// shows that a deactivation is seen by every instance, not only the one that made it.
let app: FastifyInstance
let other: FastifyInstance
let mailpit: RunningMailpit
let adminHeaders: Record<string, string>
let adminId: string
beforeAll(async () => {
  ;({ app, mailpit } = await appWithMailpit({ publicUrl: 'http://service.test' }))
  // The second instance sends no mail (no SMTP_URL), so it must not take the outbox's items.
  other = await buildTestApp({ mongodbUri: app.config.mongodbUri, publicUrl: 'http://service.test', outboxWorker: false })
  const admin = await app.experts.create({ name: 'Ada Admin', email: 'ada@zespol.test', admin: true })
  adminHeaders = { authorization: `Bearer ${admin.key}` }
  adminId = admin.expert.id
}, 120_000)
afterAll(async () => {
  await other?.close()
  await app?.close()
  await mailpit?.stop()
})

const team = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = adminHeaders) =>
  app.inject({ method, url: `/admin/v1/team${url}`, headers, ...(payload ? { payload } : {}) })
const auditActions = async (query: string) => {
  const res = await app.inject({ method: 'GET', url: `/admin/v1/audit?${query}`, headers: adminHeaders })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as Array<{ action: string; actor: { id: string }; target: { type: string; id: string } }>
}

describe('Zespół (team) for admin experts', () => {
  it('refuses an expert without the admin role with 403, before looking at the body', async () => {
    const { headers, expert } = await createExpert(app, { name: 'Zwykły Ekspert' })
    for (const [method, url, payload] of [
      ['GET', '', undefined],
      ['POST', '', { name: 'X', email: 'x@zespol.test' }],
      ['POST', '', { junk: true }],
      ['PATCH', `/${expert.id}`, { admin: true }],
      ['POST', `/${expert.id}/keys`, { note: 'moja' }],
      ['DELETE', `/${expert.id}/keys/0123456789abcdef01234567`, undefined]
    ] as const) {
      const res = await team(method, url, payload, headers)
      expect({ method, url, status: res.statusCode, code: res.json().code }).toEqual({ method, url, status: 403, code: 'ADMIN_ROLE_REQUIRED' })
    }
    expect((await app.inject({ method: 'GET', url: '/admin/v1/audit', headers })).statusCode).toBe(403)
  })

  it('invites an expert: the mailed link signs them in; a second invitation to the address is refused', async () => {
    const res = await team('POST', '', { name: 'Iga Nowa', email: 'Iga.Nowa@Zespol.test', locale: 'en' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ name: 'Iga Nowa', email: 'iga.nowa@zespol.test', admin: false, active: true, locale: 'en', keys: [] })

    const summary = await mailTo(mailpit, 'iga.nowa@zespol.test')
    const mail = await mailpit.message(summary.ID)
    expect(mail.Subject).toContain('Invitation')
    expect(mail.Text).toContain('Ada Admin')
    const url = /http:\/\/service\.test(\/admin\/v1\/session\/link\/[A-Za-z0-9_-]{43})/.exec(mail.Text)?.[1]
    expect(url, mail.Text).toBeDefined()
    const used = await app.inject({ method: 'GET', url: url! })
    expect(used.headers.location).toBe('/console/')
    const cookie = used.cookies.find((c) => c.name === '__Host-ze_session')!
    const me = await app.inject({ method: 'GET', url: '/admin/v1/me', headers: { cookie: `${cookie.name}=${cookie.value}` } })
    expect(me.json()).toMatchObject({ name: 'Iga Nowa', admin: false, locale: 'en' })

    const again = await team('POST', '', { name: 'Iga', email: 'iga.nowa@zespol.test' })
    expect(again.statusCode).toBe(409)
    expect(again.headers['content-type']).toContain('application/problem+json')
    expect(again.json().code).toBe('EXPERT_EMAIL_TAKEN')
    expect((await auditActions(`targetId=${res.json().id}`)).map((e) => e.action)).toContain('expert.invited')
  })

  it('answers bad input with a 4xx problem', async () => {
    const cases: Array<[string, string, object | undefined, number, string]> = [
      ['POST', '', { name: 'Bez adresu' }, 400, 'VALIDATION_FAILED'],
      ['POST', '', { name: 'Zły', email: 'nie-adres' }, 400, 'VALIDATION_FAILED'],
      ['POST', '', { name: ' ', email: 'a@b.c' }, 400, 'VALIDATION_FAILED'],
      ['POST', '', { name: 'X', email: { $gt: '' } }, 400, 'VALIDATION_FAILED'],
      ['PATCH', `/${adminId}`, {}, 400, 'VALIDATION_FAILED'],
      ['PATCH', `/${adminId}`, { admin: 'yes' }, 400, 'VALIDATION_FAILED'],
      ['PATCH', '/not-an-id', { admin: true }, 400, 'VALIDATION_FAILED'],
      ['PATCH', '/0123456789abcdef01234567', { admin: true }, 404, 'EXPERT_NOT_FOUND'],
      ['POST', `/${adminId}/keys`, { note: '' }, 400, 'VALIDATION_FAILED'],
      ['POST', '/0123456789abcdef01234567/keys', { note: 'x' }, 404, 'EXPERT_NOT_FOUND'],
      ['DELETE', `/${adminId}/keys/0123456789abcdef01234567`, undefined, 404, 'API_KEY_NOT_FOUND']
    ]
    for (const [method, url, payload, status, code] of cases) {
      const res = await team(method as 'POST', url, payload)
      expect({ method, url, payload, status: res.statusCode, code: res.json().code }).toEqual({ method, url, payload, status, code })
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    const prefs = await app.inject({ method: 'PATCH', url: '/admin/v1/me/preferences', headers: adminHeaders, payload: { locale: 'de' } })
    expect(prefs.statusCode).toBe(400)
  })

  it('a deactivated expert’s cookie session and API key are refused on the very next request, on every instance', async () => {
    const { expert, key, headers } = await createExpert(app, { name: 'Odchodzący Ekspert' })
    const cookie = await sessionCookie(app, key)
    const viaCookie = (instance: FastifyInstance) => instance.inject({ method: 'GET', url: '/admin/v1/cases', headers: { cookie } })
    const viaKey = (instance: FastifyInstance) => instance.inject({ method: 'GET', url: '/admin/v1/cases', headers })
    // Both instances have served this expert just before (nothing they might have kept may outlive the change).
    for (const instance of [app, other]) {
      expect((await viaCookie(instance)).statusCode).toBe(200)
      expect((await viaKey(instance)).statusCode).toBe(200)
    }

    const res = await team('PATCH', `/${expert.id}`, { active: false })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ active: false })

    for (const instance of [other, app]) {
      expect((await viaCookie(instance)).json()).toMatchObject({ status: 401, code: 'EXPERT_SESSION_INVALID' })
      expect((await viaKey(instance)).json()).toMatchObject({ status: 401, code: 'EXPERT_KEY_INVALID' })
    }
    // Writes too (the console's next action), and a sign-in link is no longer sent.
    const write = await other.inject({
      method: 'PUT',
      url: '/admin/v1/me/notifications',
      headers: { cookie, ...consoleHeaders },
      payload: { newCases: 'none' }
    })
    expect(write.statusCode).toBe(401)
    expect((await app.expertSessions.createLink('jan@example.com'))?.expert.id).not.toBe(expert.id)
    expect((await auditActions(`targetId=${expert.id}`)).map((e) => e.action)).toContain('expert.deactivated')

    // Reactivated, the key works again; the ended session does not come back.
    expect((await team('PATCH', `/${expert.id}`, { active: true })).json()).toMatchObject({ active: true })
    expect((await viaKey(other)).statusCode).toBe(200)
    expect((await viaCookie(other)).statusCode).toBe(401)
  })

  it('the last active admin cannot remove their own admin rights or deactivate themselves', async () => {
    for (const patch of [{ admin: false }, { active: false }, { admin: false, active: false }]) {
      const res = await team('PATCH', `/${adminId}`, patch)
      expect({ patch, status: res.statusCode, code: res.json().code }).toEqual({ patch, status: 409, code: 'LAST_ADMIN' })
    }
    expect((await app.inject({ method: 'GET', url: '/admin/v1/me', headers: adminHeaders })).json()).toMatchObject({ admin: true })

    // With a second admin, either may step down, and then the remaining one is the last again.
    const second = await createExpert(app, { name: 'Druga Admin', admin: false })
    expect((await team('PATCH', `/${second.expert.id}`, { admin: true })).json()).toMatchObject({ admin: true })
    const down = await team('PATCH', `/${second.expert.id}`, { admin: false }, second.headers)
    expect(down.statusCode, down.body).toBe(200)
    expect((await team('PATCH', `/${adminId}`, { admin: false })).json().code).toBe('LAST_ADMIN')
    const actions = (await auditActions(`targetId=${second.expert.id}`)).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['expert.admin-granted', 'expert.admin-removed']))
  })

  it('creates several keys with notes, records their last use, and revokes one without touching the others', async () => {
    const { expert, key: firstKey, headers: firstHeaders } = await createExpert(app, { name: 'Automat' })
    const created = await team('POST', `/${expert.id}/keys`, { note: 'Import z CRM' })
    expect(created.statusCode, created.body).toBe(201)
    const { key, info } = created.json() as { key: string; info: { id: string; prefix: string; note: string; lastUsedAt: string | null } }
    expect(key).toMatch(/^zek_[\w-]{43}$/)
    expect(info).toMatchObject({ note: 'Import z CRM', prefix: key.slice(0, 10), lastUsedAt: null, revokedAt: null })
    const stored = await app.models.ExpertKey.find({ expertId: expert.id }).lean()
    expect(JSON.stringify(stored)).not.toContain(key)

    const before = Date.now()
    expect((await other.inject({ method: 'GET', url: '/admin/v1/me', headers: { authorization: `Bearer ${key}` } })).json()).toMatchObject({ id: expert.id })
    const listed = (await team('GET', '')).json().items.find((m: { id: string }) => m.id === expert.id)
    expect(listed.keys).toHaveLength(2)
    const used = listed.keys.find((k: { id: string }) => k.id === info.id)
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThanOrEqual(before - 1000)
    expect(listed.keys.find((k: { id: string }) => k.id !== info.id)).toMatchObject({ note: 'npm run expert', lastUsedAt: null })

    const revoked = await team('DELETE', `/${expert.id}/keys/${info.id}`)
    expect(revoked.statusCode, revoked.body).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    expect((await other.inject({ method: 'GET', url: '/admin/v1/me', headers: { authorization: `Bearer ${key}` } })).json().code).toBe('EXPERT_KEY_INVALID')
    expect((await app.inject({ method: 'GET', url: '/admin/v1/me', headers: firstHeaders })).statusCode).toBe(200)
    // A key id of another expert is not theirs to revoke through this expert.
    expect((await team('DELETE', `/${adminId}/keys/${info.id}`)).json().code).toBe('API_KEY_NOT_FOUND')
    expect(firstKey).not.toBe(key)

    const actions = await auditActions(`targetId=${info.id}`)
    expect(actions.map((e) => e.action).sort()).toEqual(['key.created', 'key.revoked'])
    expect(actions.every((e) => e.actor.id === adminId)).toBe(true)
  })

  it('each expert sets their own e-mail choice and language; /me carries the language', async () => {
    const { headers } = await createExpert(app, { name: 'Ela' })
    expect((await app.inject({ method: 'GET', url: '/admin/v1/me/preferences', headers })).json()).toEqual({ newCases: 'unassigned', locale: 'pl' })
    const res = await app.inject({ method: 'PATCH', url: '/admin/v1/me/preferences', headers, payload: { newCases: 'digest', locale: 'en' } })
    expect(res.json()).toEqual({ newCases: 'digest', locale: 'en' })
    expect((await app.inject({ method: 'GET', url: '/admin/v1/me', headers })).json().locale).toBe('en')
    expect((await app.inject({ method: 'GET', url: '/admin/v1/me/notifications', headers })).json()).toEqual({ newCases: 'digest' })
  })
})
