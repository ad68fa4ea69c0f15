import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { chiefReply, createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'

let app: FastifyInstance
let me: Awaited<ReturnType<typeof createExpert>>
let colleague: Awaited<ReturnType<typeof createExpert>>
beforeAll(async () => {
  app = await buildTestApp()
  me = await createExpert(app, { name: 'Ja Ekspert' })
  colleague = await createExpert(app, { name: 'Kolega Ekspert' })
})
afterAll(() => app.close())

const queue = (query = '') => app.inject({ method: 'GET', url: `/admin/v1/cases${query}`, headers: me.headers })
const patch = (id: string, payload: unknown) => app.inject({ method: 'PATCH', url: `/admin/v1/cases/${id}`, headers: me.headers, payload: payload as object })
const ids = async (query: string) => (await queue(query)).json().items.map((i: { id: string }) => i.id) as string[]

describe('expert queue', () => {
  it('puts waiting cases first, longest-waiting first, then the rest by newest activity; pages across both', async () => {
    const chief = freshChief()
    const officeId = (chief.office as { id: string }).id
    const c = []
    for (let i = 0; i < 5; i++) c.push((await createCase(app, chief, { question: `Sprawa ${i}` })).case.id)
    await expertReply(app, me.headers, c[1]!, 'Odpowiedź') // answered
    await expertReply(app, me.headers, c[3]!, 'Odpowiedź') // answered, later
    await chiefReply(app, chief, c[1]!, 'Ponawiam') // waiting again, but only since now
    const expected = [c[0], c[2], c[4], c[1], c[3]]
    expect(await ids(`?officeId=${officeId}`)).toEqual(expected)

    const paged: string[] = []
    let cursor: string | null = null
    do {
      const res = await queue(`?officeId=${officeId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      paged.push(...res.json().items.map((i: { id: string }) => i.id))
      cursor = res.json().nextCursor
    } while (cursor)
    expect(paged).toEqual(expected)
  })

  it('filters by status, assignee, office, app and text or number', async () => {
    const chief = freshChief()
    const officeId = (chief.office as { id: string }).id
    const a = (await createCase(app, chief, { subject: 'Faktura (korekta) [pilne]', question: 'Q' })).case
    const b = (await createCase(app, chief, { subject: 'Import JPK', question: 'Q' })).case
    await patch(a.id, { assignee: me.expert.id })
    await patch(b.id, { assignee: colleague.expert.id, status: 'resolved' })
    const scoped = (q: string) => ids(`?officeId=${officeId}&${q}`)
    expect(await scoped('status=open')).toEqual([a.id])
    expect(await scoped('status=resolved')).toEqual([b.id])
    expect(await scoped('assignee=me')).toEqual([a.id])
    expect(await scoped(`assignee=${colleague.expert.id}`)).toEqual([b.id])
    expect(await scoped('assignee=none')).toEqual([])
    expect(await scoped(`q=${encodeURIComponent('(KOREKTA) [')}`)).toEqual([a.id])
    expect(await scoped('q=.*')).toEqual([])
    expect(await scoped(`q=${b.number}`)).toEqual([b.id])
    expect(await ids(`?appId=other-app&officeId=${officeId}`)).toEqual([])
    const item = (await queue(`?officeId=${officeId}&assignee=me`)).json().items[0]
    expect(item).toMatchObject({ appId: 'test-app', office: { id: officeId }, assignee: { id: me.expert.id, name: 'Ja Ekspert' } })
  })

  it.each([['?status=closed'], ['?assignee=someone'], ['?status[$ne]=open'], ['?cursor=e30'], ['?limit=0']])('rejects %s with 400', async (query) => {
    const res = await queue(query)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })
})

describe('expert case handling', () => {
  it('shows the case with its office, app, context and internal notes', async () => {
    const { case: c } = await createCase(app, 'chiefClient', { pageUrl: 'https://app.example/x' })
    await expertReply(app, me.headers, c.id, 'Notatka', { internal: true })
    const res = await app.inject({ method: 'GET', url: `/admin/v1/cases/${c.id}`, headers: me.headers })
    expect(res.json().case).toMatchObject({
      appId: 'test-app',
      office: { id: 'office-a', name: 'Biuro Rachunkowe Alfa' },
      account: { type: 'client' },
      context: { pageUrl: 'https://app.example/x' },
      internalNoteCount: 1
    })
    expect(res.json().messages.map((m: { internal: boolean; body: string }) => [m.internal, m.body])).toEqual([
      [false, 'Jak dodać fakturę korygującą?'],
      [true, 'Notatka']
    ])
  })

  it('assigns and unassigns; refuses an unknown or revoked expert', async () => {
    const { case: c } = await createCase(app, freshChief())
    expect((await patch(c.id, { assignee: colleague.expert.id })).json().case.assignee).toEqual({ id: colleague.expert.id, name: 'Kolega Ekspert' })
    expect((await patch(c.id, { assignee: null })).json().case.assignee).toBeNull()
    const unknown = await patch(c.id, { assignee: '0123456789abcdef01234567' })
    expect(unknown.json()).toMatchObject({ status: 404, code: 'EXPERT_NOT_FOUND' })
    const gone = await createExpert(app)
    await app.experts.revoke(gone.expert.id)
    expect((await patch(c.id, { assignee: gone.expert.id })).json().code).toBe('EXPERT_NOT_FOUND')
  })

  it('does not touch the chief’s unread state or activity when the status changes', async () => {
    const { case: c } = await createCase(app, freshChief())
    const res = await patch(c.id, { status: 'resolved' })
    expect(res.json().case).toMatchObject({ status: 'resolved', chiefUnread: false, lastActivityAt: c.lastActivityAt })
  })

  it.each([[{}], [{ status: 'closed' }], [{ assignee: { $ne: null } }], [{ status: 'open', note: 'x' }]])('rejects the patch %j with 400', async (payload) => {
    const { case: c } = await createCase(app, freshChief())
    expect((await patch(c.id, payload)).json().code).toBe('VALIDATION_FAILED')
  })

  it('answers 404 for an unknown case on every admin case route', async () => {
    const missing = '0123456789abcdef01234567'
    expect((await app.inject({ method: 'GET', url: `/admin/v1/cases/${missing}`, headers: me.headers })).json().code).toBe('CASE_NOT_FOUND')
    expect((await patch(missing, { status: 'open' })).json().code).toBe('CASE_NOT_FOUND')
    expect((await expertReply(app, me.headers, missing, 'x')).json().code).toBe('CASE_NOT_FOUND')
    expect((await app.inject({ method: 'GET', url: `/admin/v1/attachments/${missing}`, headers: me.headers })).json().code).toBe('ATTACHMENT_NOT_FOUND')
  })
})
