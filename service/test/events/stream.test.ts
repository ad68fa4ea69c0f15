import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, testDatabaseUri } from '../helpers/app.js'
import { authFor, createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'
import { bearer, signToken } from '../helpers/tokens.js'
import { openStream, type SseFrame, type SseStream } from '../helpers/sse.js'

// Two instances of the service on ONE database, as in production behind a load balancer.
let a: FastifyInstance
let b: FastifyInstance
let urlA: string
let urlB: string
let expertHeaders: Record<string, string>
const open: SseStream[] = []
beforeAll(async () => {
  const mongodbUri = testDatabaseUri()
  const live = { mongodbUri, eventsPollMs: 100, eventsHeartbeatMs: 300 }
  a = await buildTestApp(live)
  b = await buildTestApp(live)
  urlA = await a.listen({ host: '127.0.0.1', port: 0 })
  urlB = await b.listen({ host: '127.0.0.1', port: 0 })
  expertHeaders = (await createExpert(a)).headers
})
afterAll(async () => {
  for (const s of open) s.close()
  await Promise.all([a?.close(), b?.close()])
})

async function stream(base: string, path: string, headers: Record<string, string>): Promise<SseStream> {
  const s = await openStream(`${base}${path}`, headers)
  open.push(s)
  return s
}
const isMessage = (messageId: string) => (f: SseFrame) => f.event === 'message' && f.data.messageId === messageId
const isUnread = (count: number) => (f: SseFrame) => f.event === 'unread' && f.data.count === count

describe('GET /api/v1/events', () => {
  it('sends the unread count, public messages and status changes of the caller’s office — never internal notes, never another office', async () => {
    const chief = freshChief()
    const other = freshChief()
    const { case: mine } = await createCase(a, chief)
    const { case: theirs } = await createCase(a, other)
    const s = await stream(urlB, '/api/v1/events', await authFor(chief))
    expect(s.status).toBe(200)
    await s.waitFor(isUnread(0))

    const note = (await expertReply(a, expertHeaders, mine.id, 'TAJNE', { internal: true })).json().message.id
    const foreign = (await expertReply(a, expertHeaders, theirs.id, 'Odpowiedź dla innego biura')).json().message.id
    const reply = (await expertReply(a, expertHeaders, mine.id, 'Proszę wybrać Faktury » Korekta.')).json().message.id
    const frame = await s.waitFor(isMessage(reply))
    expect(frame.data).toEqual({ caseId: mine.id, messageId: reply })
    expect(frame.id).toEqual(expect.any(Number))
    await s.waitFor(isUnread(1))

    await a.inject({ method: 'PATCH', url: `/admin/v1/cases/${mine.id}`, headers: expertHeaders, payload: { status: 'resolved' } })
    await s.waitFor((f) => f.event === 'case' && f.data.caseId === mine.id && f.data.status === 'resolved')
    await a.inject({ method: 'POST', url: '/api/v1/cases/read', headers: await authFor(chief), payload: { ids: [mine.id] } })
    await s.waitFor((f) => f.event === 'unread' && f.data.count === 0 && s.frames.indexOf(f) > 0)

    const everything = JSON.stringify(s.frames)
    expect(everything).not.toContain(note)
    expect(everything).not.toContain(foreign)
    expect(everything).not.toContain(theirs.id)
    expect(everything).not.toContain('TAJNE')
    // Frames with ids come in increasing order (they are what Last-Event-ID resumes from).
    const ids = s.frames.map((f) => f.id).filter((id): id is number => id !== null)
    expect(ids).toEqual([...ids].sort((x, y) => x - y))
    expect(s.comments.length).toBeGreaterThan(0)
    expect(s.frames.map((f) => f.event)).toEqual(expect.arrayContaining(['unread', 'message', 'case']))
  })

  it('delivers a reply acknowledged by instance A to a stream on instance B (the benchmark measures the latency)', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(a, chief)
    const s = await stream(urlB, '/api/v1/events', await authFor(chief))
    await s.waitFor(isUnread(0))
    const reply = (await expertReply(a, expertHeaders, c.id, 'Odpowiedź przez instancję A')).json().message.id
    await s.waitFor(isMessage(reply))
    await s.waitFor(isUnread(1))
  })

  it('resumes with Last-Event-ID without losing what happened while disconnected', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(a, chief)
    const first = await stream(urlA, '/api/v1/events', await authFor(chief))
    const r1 = (await expertReply(a, expertHeaders, c.id, 'Pierwsza')).json().message.id
    const seen = await first.waitFor(isMessage(r1))
    first.close()

    const r2 = (await expertReply(b, expertHeaders, c.id, 'Druga')).json().message.id
    const r3 = (await expertReply(a, expertHeaders, c.id, 'Trzecia')).json().message.id
    const resumed = await stream(urlB, '/api/v1/events', { ...(await authFor(chief)), 'last-event-id': String(seen.id) })
    await resumed.waitFor(isMessage(r3))
    const messages = resumed.frames.filter((f) => f.event === 'message').map((f) => f.data.messageId)
    expect(messages).toEqual([r2, r3])
    expect(resumed.frames[0]).toEqual({ event: 'unread', id: null, data: { count: 1 } })
  })

  it('ends the stream when the identity token expires', async () => {
    const chief = freshChief()
    const token = await signToken(chief, { lifetimeSeconds: 2 })
    const s = await stream(urlA, '/api/v1/events', bearer(token))
    await s.waitFor(isUnread(0))
    const started = Date.now()
    await s.ended
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('refuses people who are not the office chief', async () => {
    const res = await fetch(`${urlA}/api/v1/events`, { headers: await authFor('employee') })
    expect(res.status).toBe(403)
    expect((await res.json()).code).toBe('ONLY_OFFICE_CHIEF')
  })
})

describe('GET /admin/v1/events', () => {
  it('shows experts new cases, every message (internal notes as ids) and presence, across instances', async () => {
    const s = await stream(urlB, '/admin/v1/events', expertHeaders)
    expect(s.status).toBe(200)
    const chief = freshChief()
    const { case: c } = await createCase(a, chief)
    await s.waitFor((f) => f.event === 'case.created' && f.data.caseId === c.id && f.data.number === c.number)
    const note = (await expertReply(a, expertHeaders, c.id, 'Notatka', { internal: true })).json().message.id
    const created = await s.waitFor((f) => f.event === 'message.created' && f.data.messageId === note)
    expect(created.data).toMatchObject({ caseId: c.id, internal: true, author: { kind: 'expert' } })
    expect(JSON.stringify(created.data)).not.toContain('Notatka')
    await a.inject({ method: 'PATCH', url: `/admin/v1/cases/${c.id}`, headers: expertHeaders, payload: { status: 'resolved' } })
    await s.waitFor((f) => f.event === 'case.updated' && f.data.caseId === c.id && f.data.changes.includes('status'))

    const res = await a.inject({ method: 'POST', url: `/admin/v1/cases/${c.id}/presence`, headers: expertHeaders, payload: { state: 'typing' } })
    expect(res.statusCode).toBe(204)
    await s.waitFor((f) => f.event === 'presence' && f.data.caseId === c.id && f.data.state === 'typing' && f.data.expert.name === 'Jan Ekspert')

    // A console opened later learns at once who is still there.
    const late = await stream(urlB, '/admin/v1/events', expertHeaders)
    await late.waitFor((f) => f.event === 'presence' && f.data.caseId === c.id && f.data.state === 'typing')
  })

  it('answers 404 for presence in an unknown case', async () => {
    const res = await a.inject({
      method: 'POST',
      url: '/admin/v1/cases/0123456789abcdef01234567/presence',
      headers: expertHeaders,
      payload: { state: 'viewing' }
    })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('CASE_NOT_FOUND')
  })
})
