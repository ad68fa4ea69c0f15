import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, chiefReply, createCase, createExpert, expertReply, freshChief, gridFsCounts, samples } from '../helpers/factories.js'
import { createArticle } from '../helpers/content.js'

let app: FastifyInstance
let admin: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp()
  admin = (await createExpert(app, { name: 'Ada Admin', admin: true })).headers
})
afterAll(() => app.close())

/** Every document of every collection (GridFS included) as one string, to search for what must be gone. */
async function everything(): Promise<string> {
  const db = app.db.db!
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name)
  const parts: string[] = []
  for (const name of names) parts.push(name, JSON.stringify(await db.collection(name).find({}).toArray()))
  return parts.join('\n')
}

describe('RODO erasure of one user', () => {
  it('pseudonymises name, id and e-mail in cases, messages, forum, events and audit, deletes their files, keeps content and other people', async () => {
    const person = { name: 'Zofia Unikalna-Testowa', email: 'zofia.unikalna@example.com' }
    const chief = freshChief({ ...person, sub: 'user-zofia-4711' })
    const { case: c } = await createCase(app, chief, {
      question: 'Treść pytania zostaje',
      files: [{ name: 'dowod.png', data: samples.png, type: 'image/png' }]
    })
    const { headers } = await createExpert(app, { name: 'Ewa Ekspert' })
    expect((await expertReply(app, headers, c.id, 'Odpowiedź eksperta')).statusCode).toBe(201)
    expect((await chiefReply(app, chief, c.id, 'Dziękuję', [{ name: 'druga.pdf', data: samples.pdf, type: 'application/pdf' }])).statusCode).toBe(201)
    const thread = await app.inject({
      method: 'POST',
      url: '/api/v1/forum/threads',
      headers: await authFor(chief),
      payload: { title: 'Wątek Zofii', body: 'Treść wątku' }
    })
    expect(thread.statusCode, thread.body).toBe(201)
    const threadId = thread.json().thread.id as string
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/forum/threads/${threadId}/replies`,
          headers: await authFor(chief),
          payload: { body: 'Moja odpowiedź' }
        })
      ).statusCode
    ).toBe(201)
    // A "Zgłoś" report keeps a hash of app and user id: it must not stay linkable to the person.
    const reported = await app.inject({
      method: 'POST',
      url: `/api/v1/forum/threads/${threadId}/report`,
      headers: await authFor(chief),
      payload: { reason: 'Zgłoszenie testowe' }
    })
    expect(reported.statusCode, reported.body).toBe(204)
    const reporterHash = createHash('sha256')
      .update(`test-app\n${chief.sub as string}`)
      .digest('hex')
    // "Czy to pomogło?" votes carry the voter's id.
    await createArticle(app, admin, { slug: 'artykul-do-oceny', title: 'Artykuł do oceny', body: 'Treść.' })
    const voted = await app.inject({
      method: 'POST',
      url: '/api/v1/articles/artykul-do-oceny/feedback',
      headers: await authFor(chief),
      payload: { helpful: true }
    })
    expect(voted.statusCode, voted.body).toBeLessThan(300)
    const filesBefore = await gridFsCounts(app)
    const before = await everything()
    for (const trace of [person.name, person.email, chief.sub as string, reporterHash]) expect(before).toContain(trace)

    const res = await app.inject({
      method: 'POST',
      url: '/admin/v1/privacy/erasures',
      headers: admin,
      payload: { appId: 'test-app', officeId: (chief.office as { id: string }).id, userId: chief.sub }
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      cases: 1,
      messages: 2,
      attachmentsDeleted: 2,
      forumThreads: 1,
      forumPosts: 1,
      pseudonymId: expect.stringMatching(/^erased-[0-9a-f]{16}$/)
    })

    const after = await everything()
    for (const trace of [person.name, person.email, chief.sub as string, reporterHash])
      expect(
        after
          .split('\n')
          .filter((l) => l.includes(trace))
          .map((l) => l.slice(0, 60) + ' … ' + l.slice(Math.max(0, l.indexOf(trace) - 200), l.indexOf(trace) + 60)),
        `"${trace}" is still stored`
      ).toEqual([])
    // The files and their chunks are gone; what was written stays, and so does the expert.
    expect(await gridFsCounts(app)).toEqual({ files: filesBefore.files - 2, chunks: filesBefore.chunks - 2 })
    for (const kept of ['Treść pytania zostaje', 'Dziękuję', 'Odpowiedź eksperta', 'Ewa Ekspert', 'Wątek Zofii', 'Zgłoszenie testowe'])
      expect(after).toContain(kept)
    const detail = await app.inject({ method: 'GET', url: `/admin/v1/cases/${c.id}`, headers: admin })
    expect(detail.statusCode).toBe(200)
    expect(detail.json().messages.every((m: { attachments: unknown[] }) => m.attachments.length === 0)).toBe(true)

    // The erasure itself is on record, without the person or any content.
    const erased = await app.auditLog.list({ action: 'user.erased' })
    expect(erased.items).toHaveLength(1)
    expect(erased.items[0]).toMatchObject({ target: { type: 'user', id: res.json().pseudonymId }, detail: { cases: 1, attachmentsDeleted: 2 } })
  })
})
