import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createThread, expertHeaders, reply, userHeaders } from '../helpers/content.js'
import { bearer, personas, signToken } from '../helpers/tokens.js'

let app: FastifyInstance
let author: Record<string, string>
let reporter: Record<string, string>
let otherReporter: Record<string, string>
let foreigner: Record<string, string>
let admin: Record<string, string>

beforeAll(async () => {
  app = await buildTestApp({ forumPostRateMax: 1000, forumReportRateMax: 1000 })
  author = await userHeaders('employee')
  reporter = await userHeaders('client')
  otherReporter = await userHeaders('chiefOffice')
  const otherSecret = 'another-secret-that-is-long-enough-0123'
  await app.apps.upsert({ id: 'other-app', name: 'Inna', secret: otherSecret, allowedOrigins: [] })
  foreigner = bearer(await signToken(personas.client, { audience: 'other-app', secret: otherSecret }))
  admin = (await expertHeaders(app, true)).headers
})
afterAll(() => app.close())

const report = (headers: Record<string, string>, what: 'posts' | 'threads', id: string, reason: unknown = 'Reklama, nie odpowiedź') =>
  app.inject({ method: 'POST', url: `/api/v1/forum/${what}/${id}/report`, headers, payload: { reason } })
const adminList = async (query: Record<string, string>) => {
  const res = await app.inject({ method: 'GET', url: '/admin/v1/forum/threads', query, headers: admin })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as Array<{ id: string; openReports: number; replyCount: number; hidden: boolean }>
}
const adminDetail = async (id: string) => (await app.inject({ method: 'GET', url: `/admin/v1/forum/threads/${id}`, headers: admin })).json()
const moderate = (what: 'posts' | 'threads', id: string, action: 'hide' | 'unhide', reason = 'Reklama') =>
  app.inject({ method: 'POST', url: `/admin/v1/forum/${what}/${id}/${action}`, headers: admin, payload: { reason } })

describe('reports from users ("Zgłoś")', () => {
  it('a report shows on the thread in the console with reason and role, never the reporter', async () => {
    const thread = await createThread(app, author, 'Wątek ze zgłoszeniem')
    const post = await reply(app, author, thread.id, 'Najlepsze kredyty tutaj!')
    const res = await report(reporter, 'posts', post.id, '  Spam reklamowy  ')
    expect(res.statusCode, res.body).toBe(204)

    const listed = (await adminList({ attention: 'reported' })).find((t) => t.id === thread.id)
    expect(listed?.openReports).toBe(1)
    const detail = await adminDetail(thread.id)
    expect(detail.thread.reports).toEqual([])
    expect(detail.posts[0].reports).toHaveLength(1)
    expect(detail.posts[0].reports[0]).toMatchObject({ reason: 'Spam reklamowy', reporterRole: 'client' })
    expect(JSON.stringify(detail.posts[0].reports)).not.toContain('client-user-1')
  })

  it('one report per person and post: reporting again replaces the reason; another person adds one', async () => {
    const thread = await createThread(app, author, 'Podwójne zgłoszenie')
    await report(reporter, 'threads', thread.id, 'Pierwszy powód')
    await report(reporter, 'threads', thread.id, 'Drugi powód')
    await report(otherReporter, 'threads', thread.id, 'Inny zgłaszający')
    const detail = await adminDetail(thread.id)
    expect(detail.thread.reports.map((r: { reason: string }) => r.reason).sort()).toEqual(['Drugi powód', 'Inny zgłaszający'])
    expect((await adminList({ attention: 'reported' })).find((t) => t.id === thread.id)?.openReports).toBe(2)
  })

  it('refuses bad reasons (400), hidden or unknown targets and other apps (404)', async () => {
    const thread = await createThread(app, author, 'Zgłoszenia odrzucone')
    const post = await reply(app, author, thread.id, 'Odpowiedź')
    for (const reason of ['', '  ', 'ab', 'x'.repeat(501), 42]) {
      const res = await report(reporter, 'posts', post.id, reason)
      expect(res.statusCode, String(reason)).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    }
    expect((await report(reporter, 'posts', '0123456789abcdef01234567')).json()).toMatchObject({ status: 404, code: 'POST_NOT_FOUND' })
    expect((await report(reporter, 'threads', '0123456789abcdef01234567')).json()).toMatchObject({ status: 404, code: 'THREAD_NOT_FOUND' })
    expect((await report(foreigner, 'posts', post.id)).json().code).toBe('POST_NOT_FOUND')
    // The thread id is not a post id (and the other way round).
    expect((await report(reporter, 'posts', thread.id)).json().code).toBe('POST_NOT_FOUND')
    await moderate('posts', post.id, 'hide')
    expect((await report(reporter, 'posts', post.id)).json().code).toBe('POST_NOT_FOUND')
    await moderate('posts', post.id, 'unhide', 'Pomyłka')
    await moderate('threads', thread.id, 'hide')
    expect((await report(reporter, 'posts', post.id)).json().code).toBe('POST_NOT_FOUND')
    expect((await report(reporter, 'threads', thread.id)).json().code).toBe('THREAD_NOT_FOUND')
    expect((await app.inject({ method: 'POST', url: `/api/v1/forum/posts/${post.id}/report`, payload: { reason: 'Bez tokenu' } })).statusCode).toBe(401)
  })

  it('hiding the reported post closes its reports; dismissing closes the rest of the thread', async () => {
    const thread = await createThread(app, author, 'Zamykanie zgłoszeń')
    const spam = await reply(app, author, thread.id, 'Spam')
    const rude = await reply(app, author, thread.id, 'Niegrzecznie')
    await report(reporter, 'posts', spam.id)
    await report(reporter, 'posts', rude.id, 'Obraźliwe')
    expect((await adminList({ attention: 'reported' })).find((t) => t.id === thread.id)?.openReports).toBe(2)

    expect((await moderate('posts', spam.id, 'hide', 'Spam')).statusCode).toBe(200)
    expect((await adminList({ attention: 'reported' })).find((t) => t.id === thread.id)?.openReports).toBe(1)
    const dismissed = await app.inject({ method: 'POST', url: `/admin/v1/forum/threads/${thread.id}/reports/dismiss`, headers: admin })
    expect(dismissed.json()).toEqual({ dismissed: 1 })
    expect((await adminList({ attention: 'reported' })).map((t) => t.id)).not.toContain(thread.id)
    expect((await adminDetail(thread.id)).posts.every((p: { reports: unknown[] }) => p.reports.length === 0)).toBe(true)
    // A new report after a dismissal opens the thread again.
    await report(otherReporter, 'posts', rude.id, 'Nadal obraźliwe')
    expect((await adminList({ attention: 'reported' })).find((t) => t.id === thread.id)?.openReports).toBe(1)
    // Hiding the whole thread closes every report in it.
    await moderate('threads', thread.id, 'hide', 'Cały wątek to spam')
    expect((await adminList({ attention: 'reported' })).map((t) => t.id)).not.toContain(thread.id)
    expect((await app.inject({ method: 'POST', url: '/admin/v1/forum/threads/0123456789abcdef01234567/reports/dismiss', headers: admin })).json().code).toBe(
      'THREAD_NOT_FOUND'
    )
  })

  it('reports, hiding with its reason and dismissals are in the audit log', async () => {
    const thread = await createThread(app, author, 'Audyt moderacji')
    const post = await reply(app, author, thread.id, 'Spam')
    await report(reporter, 'posts', post.id)
    await moderate('posts', post.id, 'hide', 'Reklama w odpowiedzi')
    await app.inject({ method: 'POST', url: `/admin/v1/forum/threads/${thread.id}/reports/dismiss`, headers: admin })
    const audit = async (targetType: string, targetId: string) =>
      (await app.inject({ method: 'GET', url: '/admin/v1/audit', query: { targetType, targetId }, headers: admin })).json().items as Array<{
        action: string
        detail: Record<string, unknown>
      }>
    const onPost = await audit('post', post.id)
    expect(onPost.map((e) => e.action)).toEqual(expect.arrayContaining(['post.reported', 'post.hide']))
    expect(onPost.find((e) => e.action === 'post.hide')?.detail).toMatchObject({ reason: 'Reklama w odpowiedzi' })
    expect((await audit('thread', thread.id)).find((e) => e.action === 'thread.reports-dismissed')?.detail).toEqual({ dismissed: 0 })
  })
})

describe('threads needing attention', () => {
  it('"unanswered" lists visible threads without a visible reply', async () => {
    const quiet = await createThread(app, author, 'Nikt nie odpowiedział')
    const answered = await createThread(app, author, 'Ktoś odpowiedział')
    await reply(app, reporter, answered.id, 'Odpowiedź')
    const onlySpam = await createThread(app, author, 'Tylko spam w odpowiedziach')
    const spam = await reply(app, reporter, onlySpam.id, 'Spam')
    await moderate('posts', spam.id, 'hide')
    const hiddenThread = await createThread(app, author, 'Ukryty bez odpowiedzi')
    await moderate('threads', hiddenThread.id, 'hide')

    const ids = (await adminList({ attention: 'unanswered', limit: '50' })).map((t) => t.id)
    expect(ids).toContain(quiet.id)
    expect(ids).toContain(onlySpam.id)
    expect(ids).not.toContain(answered.id)
    expect(ids).not.toContain(hiddenThread.id)
  })

  it('refuses an unknown attention value', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/v1/forum/threads?attention=urgent', headers: admin })
    expect(res.statusCode).toBe(400)
  })
})
