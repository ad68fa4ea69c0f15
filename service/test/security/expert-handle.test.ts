import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { TEST_APP } from '../helpers/tokens.js'
import { authFor, createCase, createExpert, expertReply, freshChief, samples } from '../helpers/factories.js'
import { openStream, type SseStream } from '../helpers/sse.js'

// Issue 16 finding 7e: an expert's database id reached office chiefs as `message.author.id`.
// Chiefs must see a public handle instead — in every response, event frame and webhook they
// (or their host app) receive; experts keep the ids.
let app: FastifyInstance
let base: string
const streams: SseStream[] = []
beforeAll(async () => {
  // No outbox worker: the webhook payloads are read where they wait, nothing is sent.
  app = await buildTestApp({ eventsPollMs: 100, outboxWorker: false })
  base = await app.listen({ host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  for (const s of streams) s.close()
  await app?.close()
})

const HANDLE = /^exp_[A-Za-z0-9_-]{22}$/

describe('expert ids never reach a chief', () => {
  it('chief responses, event frames and webhooks name experts by a stable public handle only', async () => {
    const admin = await createExpert(app, { name: 'Adam Admin', admin: true })
    const ewa = await createExpert(app, { name: 'Ewa Ekspert' })
    const hook = await app.inject({
      method: 'PUT',
      url: `/admin/v1/apps/${TEST_APP.id}/webhook`,
      headers: admin.headers,
      payload: { url: 'http://127.0.0.1:9/hooks' }
    })
    expect(hook.statusCode, hook.body).toBe(200)

    const chief = freshChief()
    const headers = await authFor(chief)
    const stream = await openStream(`${base}/api/v1/events`, headers)
    streams.push(stream)
    const created = await createCase(app, chief)
    const caseId = created.case.id
    const assign = await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${caseId}`, headers: ewa.headers, payload: { assignee: ewa.expert.id } })
    expect(assign.statusCode, assign.body).toBe(200)
    const first = await expertReply(app, ewa.headers, caseId, 'Pierwsza odpowiedź', { files: [{ name: 'zrzut.png', data: samples.png }] })
    expect(first.statusCode, first.body).toBe(201)
    expect((await expertReply(app, admin.headers, caseId, 'Notatka', { internal: true })).statusCode).toBe(201)
    expect((await expertReply(app, admin.headers, caseId, 'Druga odpowiedź')).statusCode).toBe(201)
    expect((await expertReply(app, ewa.headers, caseId, 'Trzecia odpowiedź')).statusCode).toBe(201)
    const resolved = await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${caseId}`, headers: ewa.headers, payload: { status: 'resolved' } })
    expect(resolved.statusCode, resolved.body).toBe(200)
    await stream.waitFor((f) => f.event === 'case' && f.data.status === 'resolved')

    const detail = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers })
    expect(detail.statusCode).toBe(200)
    const experts = detail.json().messages.filter((m: any) => m.author.kind === 'expert')
    expect(experts.map((m: any) => m.author.name)).toEqual(['Ewa Ekspert', 'Adam Admin', 'Ewa Ekspert'])
    const [ewaHandle, adminHandle, ewaAgain] = experts.map((m: any) => m.author.id)
    expect(ewaHandle).toMatch(HANDLE)
    expect(adminHandle).toMatch(HANDLE)
    expect(ewaAgain, 'stable per expert').toBe(ewaHandle)
    expect(adminHandle, 'one handle per expert').not.toBe(ewaHandle)
    const again = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers })
    expect(
      again
        .json()
        .messages.filter((m: any) => m.author.kind === 'expert')
        .map((m: any) => m.author.id)
    ).toEqual([ewaHandle, adminHandle, ewaHandle])

    // Everything the chief (or the host app on the chief's behalf) received, as text.
    const seen: Array<[string, string]> = [['GET /api/v1/cases/:id', detail.body]]
    for (const url of ['/api/v1/cases', '/api/v1/cases?view=archived', '/api/v1/me']) {
      const res = await app.inject({ method: 'GET', url, headers })
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200)
      seen.push([url, res.body])
    }
    const attachment = experts[0].attachments[0].id
    const download = await app.inject({ method: 'GET', url: `/api/v1/attachments/${attachment}`, headers })
    expect(download.statusCode).toBe(200)
    seen.push(['GET /api/v1/attachments/:id headers', JSON.stringify(download.headers)])
    seen.push(['SSE frames', JSON.stringify(stream.frames)])
    const webhooks = await app.models.Outbox.find({ channel: 'webhook', appId: TEST_APP.id }).lean()
    expect(webhooks.map((w) => w.type).sort()).toEqual(expect.arrayContaining(['case.created', 'case.replied', 'case.resolved']))
    seen.push(['webhooks', JSON.stringify(webhooks.map((w) => w.webhook))])
    expect(stream.frames.filter((f) => f.event === 'message').length, 'the chief saw the public replies live').toBe(3)

    const ids = (await app.models.Expert.find({}, { _id: 1 }).lean()).map((e) => String(e._id))
    expect(ids).toEqual(expect.arrayContaining([admin.expert.id, ewa.expert.id]))
    for (const [where, text] of seen) {
      for (const id of ids) expect(text.toLowerCase().includes(id), `${where} carries expert id ${id}`).toBe(false)
    }

    // The experts' side keeps the database ids.
    const adminView = await app.inject({ method: 'GET', url: `/admin/v1/cases/${caseId}`, headers: ewa.headers })
    expect(
      adminView
        .json()
        .messages.filter((m: any) => m.author.kind === 'expert')
        .map((m: any) => m.author.id)
    ).toEqual([ewa.expert.id, admin.expert.id, admin.expert.id, ewa.expert.id])
  })

  it('an expert created before handles existed gets one on first use, kept from then on', async () => {
    const old = await createExpert(app, { name: 'Stary Ekspert' })
    await app.models.Expert.collection.updateOne({ _id: new app.db.base.Types.ObjectId(old.expert.id) }, { $unset: { handle: '' } })
    const chief = freshChief()
    const { case: c } = await createCase(app, chief)
    expect((await expertReply(app, old.headers, c.id, 'Odpowiedź')).statusCode).toBe(201)

    // A second instance (its own cache) must agree with the first on the handle.
    const other = await buildTestApp({ mongodbUri: app.config.mongodbUri })
    try {
      const read = async (on: FastifyInstance) =>
        (await on.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: await authFor(chief) }))
          .json()
          .messages.find((m: any) => m.author.kind === 'expert').author.id
      const handle = await read(app)
      expect(handle).toMatch(HANDLE)
      expect(await read(other)).toBe(handle)
      expect((await app.models.Expert.findById(old.expert.id, { handle: 1 }).lean())?.handle).toBe(handle)
    } finally {
      await other.close()
    }
  })
})
