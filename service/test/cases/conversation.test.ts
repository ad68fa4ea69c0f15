import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, chiefReply, createCase, createExpert, expertReply, freshChief, multipart, samples } from '../helpers/factories.js'

let app: FastifyInstance
let expertHeaders: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp()
  expertHeaders = (await createExpert(app)).headers
})
afterAll(() => app.close())

const get = async (url: string, persona: Parameters<typeof authFor>[0]) => app.inject({ method: 'GET', url, headers: await authFor(persona) })
const unreadCount = async (persona: Parameters<typeof authFor>[0]) => (await get('/api/v1/me', persona)).json().unreadCount as number
const adminCase = async (id: string) => (await app.inject({ method: 'GET', url: `/admin/v1/cases/${id}`, headers: expertHeaders })).json()

describe('a case as a conversation', () => {
  it('goes open → answered → (chief replies) open → resolved, with unread flags both ways', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(app, chief)
    expect((await adminCase(c.id)).case).toMatchObject({ status: 'open', expertUnread: true, chiefUnread: false })
    expect(await unreadCount(chief)).toBe(0)

    const answered = await expertReply(app, expertHeaders, c.id, 'Proszę wybrać Faktury » Korekta.')
    expect(answered.statusCode).toBe(201)
    expect(answered.json().case).toMatchObject({ status: 'answered', chiefUnread: true, expertUnread: false, messageCount: 2, lastActivityBy: 'expert' })
    expect(answered.json().case.firstResponseAt).toEqual(expect.any(String))
    expect(await unreadCount(chief)).toBe(1)
    const listed = (await get('/api/v1/cases', chief)).json().items[0]
    expect(listed).toMatchObject({ id: c.id, status: 'answered', unread: true, lastActivityBy: 'expert' })

    // Reading the conversation does not mark it read; only "Oznacz jako przeczytane" does.
    const detail = (await get(`/api/v1/cases/${c.id}`, chief)).json()
    expect(detail.messages.map((m: { author: { kind: string } }) => m.author.kind)).toEqual(['chief', 'expert'])
    expect(detail.case.unread).toBe(true)

    const reopened = await chiefReply(app, 'chiefOffice', c.id, 'nie dotyczy')
    expect(reopened.statusCode).toBe(404) // another office's chief: the case does not exist for them
    const again = await app.inject({ ...(await replyRequest(chief, c.id, 'Dziękuję, a jak to wycofać?')) })
    expect(again.statusCode).toBe(201)
    expect(again.json().case).toMatchObject({ status: 'open', unread: false, messageCount: 3, lastActivityBy: 'chief' })
    expect((await adminCase(c.id)).case).toMatchObject({ status: 'open', expertUnread: true })

    const resolved = await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${c.id}`, headers: expertHeaders, payload: { status: 'resolved' } })
    expect(resolved.json().case).toMatchObject({ status: 'resolved', expertUnread: false })
    expect((await get(`/api/v1/cases/${c.id}`, chief)).json().case.status).toBe('resolved')
  })

  it('never shows internal notes to the chief, and a note changes nothing the chief sees', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(app, chief)
    const before = (await get(`/api/v1/cases/${c.id}`, chief)).json().case
    const note = await expertReply(app, expertHeaders, c.id, 'TAJNE: klient pyta trzeci raz', {
      internal: true,
      files: [{ name: 'notatka.png', data: samples.png }]
    })
    expect(note.statusCode).toBe(201)
    expect(note.json().message.internal).toBe(true)
    expect(note.json().case).toMatchObject({ internalNoteCount: 1, messageCount: 1, status: 'open' })
    const noteAttachment = note.json().message.attachments[0].id

    const responses = [
      await get(`/api/v1/cases/${c.id}`, chief),
      await get('/api/v1/cases', chief),
      await get('/api/v1/cases?view=archived', chief),
      await app.inject({ ...(await replyRequest(chief, c.id, 'Czy jest odpowiedź?')) })
    ]
    for (const res of responses) {
      expect(res.statusCode).toBeLessThan(300)
      expect(res.body).not.toContain('TAJNE')
      expect(res.body).not.toContain('notatka.png')
      expect(res.body).not.toContain('"internal"')
    }
    const afterNote = responses[0]!.json()
    expect(afterNote.case).toEqual(before)
    expect(afterNote.messages).toHaveLength(1)
    expect(await unreadCount(chief)).toBe(0)
    // Its attachment is not downloadable by the chief either.
    expect((await get(`/api/v1/attachments/${noteAttachment}`, chief)).json().code).toBe('ATTACHMENT_NOT_FOUND')
    // Experts see the note and can fetch its file.
    const admin = await adminCase(c.id)
    expect(admin.messages.map((m: { internal: boolean }) => m.internal)).toEqual([false, true, false])
    const file = await app.inject({ method: 'GET', url: `/admin/v1/attachments/${noteAttachment}`, headers: expertHeaders })
    expect(file.statusCode).toBe(200)
  })

  it('brings an archived case back to the active list when an expert answers', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(app, chief)
    await app.inject({ method: 'POST', url: '/api/v1/cases/archive', headers: await authFor(chief), payload: { ids: [c.id] } })
    expect(await unreadCount(chief)).toBe(0)
    await expertReply(app, expertHeaders, c.id, 'Odpowiedź')
    const active = (await get('/api/v1/cases', chief)).json().items
    expect(active.map((i: { id: string }) => i.id)).toEqual([c.id])
    expect(await unreadCount(chief)).toBe(1)
  })

  it('counts only unread, non-archived cases of the chief’s own office in /me', async () => {
    const chief = freshChief()
    const other = freshChief()
    const ids = []
    for (let i = 0; i < 3; i++) ids.push((await createCase(app, chief)).case.id)
    const foreign = (await createCase(app, other)).case.id
    for (const id of [...ids, foreign]) await expertReply(app, expertHeaders, id, 'Odpowiedź')
    expect(await unreadCount(chief)).toBe(3)
    await app.inject({ method: 'POST', url: '/api/v1/cases/read', headers: await authFor(chief), payload: { ids: [ids[0]] } })
    await app.inject({ method: 'POST', url: '/api/v1/cases/archive', headers: await authFor(chief), payload: { ids: [ids[1]] } })
    expect(await unreadCount(chief)).toBe(1)
    expect(await unreadCount(other)).toBe(1)
    expect(await unreadCount({ ...chief, role: 'employee' })).toBe(0)
  })

  it('lets a chief with an inactive package continue a conversation', async () => {
    const { case: c } = await createCase(app, 'chiefInactive', { entryPoint: 'messages' })
    const res = await app.inject({ ...(await replyRequest('chiefInactive', c.id, 'Jeszcze jedno pytanie')) })
    expect(res.statusCode).toBe(201)
  })

  it('refuses replies from employees and client users', async () => {
    const { case: c } = await createCase(app, 'chiefOffice')
    for (const persona of ['employee', 'client'] as const) {
      const res = await chiefReply(app, persona, c.id, 'Ja też mam pytanie')
      expect(res.json()).toMatchObject({ status: 403, code: 'ONLY_OFFICE_CHIEF' })
    }
  })

  it('validates a reply body', async () => {
    const { case: c } = await createCase(app, 'chiefOffice')
    const res = await app.inject({ ...(await replyRequest('chiefOffice', c.id, '   ')) })
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })
})

async function replyRequest(persona: Parameters<typeof authFor>[0], caseId: string, body: string) {
  const form = await multipart({ body })
  return { method: 'POST' as const, url: `/api/v1/cases/${caseId}/messages`, payload: form.payload, headers: { ...form.headers, ...(await authFor(persona)) } }
}
