import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createCase, createExpert, expertReply, freshChief, samples } from '../helpers/factories.js'
import { SERVICE_ORIGIN, sessionCookie } from '../sessions/support.js'
import { DAYS_PER_PAGE } from '../../src/audit/log.js'

let app: FastifyInstance
let adminHeaders: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp({ publicUrl: SERVICE_ORIGIN })
  adminHeaders = (await createExpert(app, { name: 'Ada Admin', admin: true })).headers
})
afterAll(() => app.close())

const audit = async (query: string, headers = adminHeaders) => app.inject({ method: 'GET', url: `/admin/v1/audit?${query}`, headers })
const entries = async (query: string) => {
  const res = await audit(query)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as Array<Record<string, any>>
}

describe('audit log', () => {
  it('records case writes and an expert opening the case and downloading its attachment, with who and from where', async () => {
    const chief = freshChief()
    const { case: c, message } = await createCase(app, chief, {
      question: 'Tajna treść pytania',
      files: [{ name: 'skan.png', data: samples.png, type: 'image/png' }]
    })
    const { expert, headers } = await createExpert(app, { name: 'Ewa Ekspert' })
    const ua = { 'user-agent': 'AuditTest/1.0' }
    expect((await app.inject({ method: 'GET', url: `/admin/v1/cases/${c.id}`, headers: { ...headers, ...ua } })).statusCode).toBe(200)
    const attachmentId = message.attachments[0]!.id
    expect((await app.inject({ method: 'GET', url: `/admin/v1/attachments/${attachmentId}`, headers: { ...headers, ...ua } })).statusCode).toBe(200)
    expect((await expertReply(app, headers, c.id, 'Odpowiedź z danymi')).statusCode).toBe(201)
    expect((await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${c.id}`, headers, payload: { status: 'resolved' } })).statusCode).toBe(200)

    const items = await entries(`caseId=${c.id}`)
    expect(items.map((e) => e.action).reverse()).toEqual([
      'case.created',
      'attachment.uploaded',
      'case.viewed',
      'attachment.downloaded',
      'message.created',
      'case.updated'
    ])
    const created = items.find((e) => e.action === 'case.created')!
    expect(created).toMatchObject({
      actor: { kind: 'chief', id: chief.sub, name: chief.name, appId: 'test-app', officeId: (chief.office as { id: string }).id },
      target: { type: 'case', id: c.id },
      ip: '127.0.0.1'
    })
    const viewed = items.find((e) => e.action === 'case.viewed')!
    expect(viewed).toMatchObject({
      actor: { kind: 'expert', id: expert.id, name: 'Ewa Ekspert' },
      target: { type: 'case', id: c.id },
      userAgent: 'AuditTest/1.0',
      officeId: (chief.office as { id: string }).id
    })
    expect(items.find((e) => e.action === 'attachment.downloaded')).toMatchObject({
      actor: { id: expert.id },
      target: { type: 'attachment', id: attachmentId },
      caseId: c.id
    })
    expect(items.find((e) => e.action === 'case.updated')!.detail).toMatchObject({ changes: 'status', status: 'resolved' })
    // Never content: no bodies, no file names.
    const raw = JSON.stringify(await app.models.Audit.find({ caseId: c.id }).lean())
    for (const secret of ['Tajna treść', 'Odpowiedź z danymi', 'skan.png']) expect(raw).not.toContain(secret)
  })

  it('is readable by admin experts only, and there is no way to change or delete a record through the API', async () => {
    const { headers } = await createExpert(app, { name: 'Zwykły Ekspert' })
    const res = await audit('', headers)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('ADMIN_ROLE_REQUIRED')
    expect(app.routesSeen.filter((r) => r.url.startsWith('/admin/v1/audit')).map((r) => r.method)).toEqual(['GET'])
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect((await app.inject({ method, url: '/admin/v1/audit', headers: adminHeaders })).statusCode).toBeGreaterThanOrEqual(404)
    }
  })

  it('records sessions started and ended, and a rejected key once per address per minute', async () => {
    const { key, expert } = await createExpert(app, { name: 'Sesyjny Ekspert' })
    const cookie = await sessionCookie(app, key)
    expect(
      (await app.inject({ method: 'DELETE', url: '/admin/v1/session', headers: { cookie, origin: SERVICE_ORIGIN, 'x-ze-console': '1' } })).statusCode
    ).toBe(204)
    const mine = await entries(`actorKind=expert&actorId=${expert.id}`)
    expect(mine.map((e) => e.action)).toEqual(['session.ended', 'session.started'])
    expect(mine[0]!.target.id).toBe(mine[1]!.target.id)
    expect(mine[1]!.target.id).toMatch(/^[0-9a-f]{16}$/)

    const bad = { authorization: `Bearer zek_${'x'.repeat(43)}`, 'x-forwarded-for': '1.2.3.4' }
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/admin/v1/me', headers: bad, remoteAddress: '10.9.8.7' })).statusCode).toBe(401)
    const rejected = (await entries('action=key.rejected')).filter((e) => e.ip === '10.9.8.7')
    expect(rejected).toHaveLength(1)
    expect(rejected[0]).toMatchObject({ target: { type: 'key', id: 'zek_xxxxxx' }, actor: { kind: 'system' }, detail: { url: '/admin/v1/me' } })
  })

  it('filters by action and target, and pages by day buckets with a bounded number of days per request', async () => {
    const target = { type: 'article' as const, id: `paging-${Date.now()}` }
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 12))
    // 5 records on day 0, none for 40 days, 3 on day 41.
    for (let i = 0; i < 5; i++) await app.auditLog.append([{ action: 'article.updated', target }], new Date(day(0).getTime() + i * 1000))
    for (let i = 0; i < 3; i++) await app.auditLog.append([{ action: 'article.updated', target }], new Date(day(41).getTime() + i * 1000))
    await app.auditLog.append([{ action: 'article.deleted', target }], day(41))

    const base = `targetType=article&targetId=${target.id}&action=article.updated&from=2025-01-01&to=2025-02-11&limit=2`
    const seen: string[] = []
    let cursor: string | null = null
    let requests = 0
    do {
      const res = await audit(`${base}${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.statusCode, res.body).toBe(200)
      const page = res.json()
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((e: { at: string }) => e.at))
      cursor = page.nextCursor
      requests++
    } while (cursor && requests < 20)
    expect(seen).toHaveLength(8)
    expect(seen).toEqual([...seen].sort().reverse())
    // The 40 empty days cannot be read in one request: an empty page with a cursor comes between.
    expect(requests).toBeGreaterThan(Math.ceil(8 / 2))
    expect(DAYS_PER_PAGE).toBeLessThan(40)

    expect(await entries(`targetType=article&targetId=${target.id}&action=article.deleted&from=2025-01-01&to=2025-02-11`)).toHaveLength(1)
    const bogus = await audit(`cursor=${Buffer.from('{"d":"2025-01-01","i":{"$gt":""}}').toString('base64url')}`)
    expect(bogus.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
    expect((await audit('from=2025-02-01&to=2025-01-01')).statusCode).toBe(400)
  })

  it('refuses a day that is not a calendar date with a 400, not a 500 (found by Schemathesis)', async () => {
    for (const query of ['to=8322-04-91', 'from=2026-02-30', 'from=2026-13-01&to=2026-12-01']) {
      const res = await audit(query)
      expect(res.statusCode, query).toBe(400)
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' })
    }
  })

  it('records article changes by experts', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/admin/v1/articles',
      headers: adminHeaders,
      payload: { appId: 'test-app', slug: `audyt-${Date.now()}`, title: 'Audyt', category: { id: 'inne', name: 'Inne' }, body: 'Treść' }
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    expect((await app.inject({ method: 'DELETE', url: `/admin/v1/articles/${id}`, headers: adminHeaders })).statusCode).toBe(204)
    expect((await entries(`targetType=article&targetId=${id}`)).map((e) => e.action)).toEqual(['article.deleted', 'article.created'])
  })
})
