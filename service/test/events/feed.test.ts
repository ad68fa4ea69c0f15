import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'
import { isCaseActivity, type Activity } from '../../src/events/activity.js'
import { createEventFeed, type FeedEvent } from '../../src/events/feed.js'
import { EVENT_BUCKET_SIZE } from '../../src/events/model.js'

let app: FastifyInstance
let expertHeaders: Record<string, string>
const seen: Activity[] = []
beforeAll(async () => {
  app = await buildTestApp()
  expertHeaders = (await createExpert(app)).headers
  app.activity.use('test', async (activities) => {
    seen.push(...activities)
  })
})
afterAll(() => app.close())

const eventsOf = async (caseId: string): Promise<FeedEvent[]> => (await app.eventFeed.range(1, await app.eventFeed.head())).filter((e) => e.caseId === caseId)

describe('the event feed', () => {
  it('records every write that matters, in the same request, with ids and public fields only', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(app, chief, { question: 'Sekretne pytanie o VAT' })
    await expertReply(app, expertHeaders, c.id, 'Notatka', { internal: true })
    const reply = await expertReply(app, expertHeaders, c.id, 'Odpowiedź publiczna')
    await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${c.id}`, headers: expertHeaders, payload: { status: 'resolved' } })
    await app.inject({ method: 'POST', url: '/api/v1/cases/read', headers: await authFor(chief), payload: { ids: [c.id] } })
    await app.inject({ method: 'POST', url: '/api/v1/cases/archive', headers: await authFor(chief), payload: { ids: [c.id] } })
    const res = await app.inject({ method: 'POST', url: `/admin/v1/cases/${c.id}/presence`, headers: expertHeaders, payload: { state: 'typing' } })
    expect(res.statusCode, res.body).toBe(204)

    const events = await eventsOf(c.id)
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['case.created', { number: c.number, subject: c.subject, status: 'open', assigneeId: null }],
      ['message.created', { messageId: expect.any(String), internal: true, author: expect.objectContaining({ kind: 'expert' }), status: 'open' }],
      [
        'message.created',
        { messageId: reply.json().message.id, internal: false, author: expect.objectContaining({ kind: 'expert', name: 'Jan Ekspert' }), status: 'answered' }
      ],
      ['case.updated', { number: c.number, status: 'resolved', assigneeId: null, changes: ['status'], by: 'expert' }],
      ['case.updated', expect.objectContaining({ changes: ['read'], by: 'chief' })],
      ['case.updated', expect.objectContaining({ changes: ['archived'], by: 'chief' })],
      ['presence', { expert: { id: expect.any(String), name: 'Jan Ekspert' }, state: 'typing', expiresAt: expect.any(String) }]
    ])
    expect(new Set(events.map((e) => `${e.appId}/${e.officeId}`))).toEqual(new Set([`test-app/${String(chief.office && (chief.office as { id: string }).id)}`]))
    expect(JSON.stringify(events)).not.toContain('Odpowiedź publiczna')
    const seqs = events.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))

    // Listeners (the notification outbox) see the stored documents of the same writes.
    const forCase = seen.filter(isCaseActivity).filter((a) => String(a.case._id) === c.id)
    expect(forCase.map((a) => a.type)).toEqual(events.map((e) => e.type))
    expect(forCase[2]).toMatchObject({ type: 'message.created', message: { body: 'Odpowiedź publiczna', internal: false } })
  })

  it('a bulk action that changes nothing records nothing', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(app, chief)
    await app.inject({ method: 'POST', url: '/api/v1/cases/read', headers: await authFor(chief), payload: { ids: [c.id] } })
    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual(['case.created'])
  })

  it('hands out unique sequence numbers to concurrent writers and reads them back across buckets', async () => {
    const feed = createEventFeed(app.models)
    const before = await feed.head()
    const batches = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        feed.append(
          Array.from({ length: 5 }, () => ({
            type: 'presence' as const,
            appId: 'a',
            officeId: 'o',
            caseId: `c${i}`,
            data: { expert: { id: 'e', name: 'E' }, state: 'viewing' as const, expiresAt: new Date().toISOString() }
          }))
        )
      )
    )
    const seqs = batches.flat().map((e) => e.seq)
    expect(new Set(seqs).size).toBe(100)
    const read = await feed.range(before + 1, await feed.head())
    expect(read.length).toBeGreaterThanOrEqual(100)
    expect(read.length).toBeGreaterThan(EVENT_BUCKET_SIZE)
    expect(read.map((e) => e.seq)).toEqual([...read.map((e) => e.seq)].sort((a, b) => a - b))
    expect(new Set(read.map((e) => e.seq))).toEqual(new Set(read.map((e) => e.seq)))
    for (const s of seqs) expect(read.some((e) => e.seq === s)).toBe(true)
  })

  it('expires old events', async () => {
    const feed = createEventFeed(app.models)
    const [event] = await feed.append([
      {
        type: 'presence',
        appId: 'a',
        officeId: 'o',
        caseId: 'old',
        data: { expert: { id: 'e', name: 'E' }, state: 'left', expiresAt: new Date().toISOString() }
      }
    ])
    await app.models.Event.updateOne({ _id: event!.seq }, { $set: { at: new Date(Date.now() - 3_600_000) } })
    expect(await feed.expire(new Date(Date.now() - 60_000))).toBeGreaterThanOrEqual(1)
    expect(await feed.range(event!.seq, event!.seq)).toEqual([])
  })
})
