import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createThread, expertHeaders, reply, userHeaders } from '../helpers/content.js'
import { TEST_APP } from '../helpers/tokens.js'

let app: FastifyInstance
let chief: Record<string, string>
let employee: Record<string, string>
let otherOffice: Record<string, string>

beforeAll(async () => {
  app = await buildTestApp({ forumPostRateMax: 1000 })
  chief = await userHeaders('chiefOffice')
  employee = await userHeaders('employee')
  otherOffice = await userHeaders('chiefOtherOffice')
})
afterAll(() => app.close())

type Page = { items: Array<{ id: string; title: string }>; nextCursor: string | null }
const listPage = async (headers: Record<string, string>, query: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/forum/threads', query, headers })
  expect(res.statusCode).toBe(200)
  return res.json() as Page
}

describe('forum threads', () => {
  it('creates a thread with the author’s name and role badge from the token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/forum/threads',
      headers: employee,
      payload: { title: '  Jak zmienić hasło?  ', body: 'Nie pamiętam, gdzie to jest.\n<b>pilne</b>' }
    })
    expect(res.statusCode).toBe(201)
    const { thread } = res.json()
    expect(thread).toMatchObject({
      title: 'Jak zmienić hasło?',
      excerpt: 'Nie pamiętam, gdzie to jest. <b>pilne</b>',
      author: { name: 'Ewa Pracownik', role: 'employee', expert: false },
      replyCount: 0,
      solved: false,
      acceptedPostId: null
    })
    expect(thread.author).not.toHaveProperty('id')
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/forum/threads/${thread.id}`, headers: chief })).json()
    // Plain text is stored as written; the widget renders it as text.
    expect(detail.thread).toMatchObject({ body: 'Nie pamiętam, gdzie to jest.\n<b>pilne</b>', canAccept: false })
    expect(detail.posts).toEqual([])
  })

  it('refuses a JSON body whose types are wrong instead of coercing them (found by Schemathesis)', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/forum/threads',
      headers: employee,
      payload: { title: 'Czy można zmienić typ?', body: false }
    })
    expect(created.statusCode).toBe(400)
    expect(created.json()).toMatchObject({ code: 'VALIDATION_FAILED' })
    const { thread } = (
      await app.inject({ method: 'POST', url: '/api/v1/forum/threads', headers: employee, payload: { title: 'Wątek do odpowiedzi', body: 'Treść' } })
    ).json()
    const replied = await app.inject({ method: 'POST', url: `/api/v1/forum/threads/${thread.id}/replies`, headers: chief, payload: { body: 12 } })
    expect(replied.statusCode).toBe(400)
    // Query strings are text and still coerced to the schema's types.
    expect((await app.inject({ method: 'GET', url: '/api/v1/forum/threads?limit=2', headers: chief })).statusCode).toBe(200)
  })

  it('is one forum per app: every office reads and answers the same threads', async () => {
    const thread = await createThread(app, chief, 'Wspólne forum', 'Czy inne biura to widzą?')
    const other = await listPage(otherOffice)
    expect(other.items.map((t) => t.id)).toContain(thread.id)
    await reply(app, otherOffice, thread.id, 'Tak, widzę.')
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/forum/threads/${thread.id}`, headers: chief })).json()
    expect(detail.posts).toMatchObject([{ body: 'Tak, widzę.', author: { name: 'Bogdan Szef', role: 'office_chief', expert: false }, accepted: false }])
    expect(detail.thread.replyCount).toBe(1)
    // The office is stored (for moderation) even though nobody filters on it.
    const stored = await app.models.ForumPost.findOne({ threadId: thread.id }).lean()
    expect(stored).toMatchObject({ officeId: 'office-b', appId: TEST_APP.id })
  })

  it('lists by recent activity: a reply moves a thread to the top', async () => {
    const older = await createThread(app, chief, 'Starszy wątek aktywności')
    await createThread(app, chief, 'Nowszy wątek aktywności')
    await reply(app, employee, older.id, 'Odświeżam')
    const first = (await listPage(chief)).items[0]!
    expect(first.id).toBe(older.id)
  })

  it('pages with a keyset cursor without duplicates or gaps', async () => {
    const fresh = await buildTestApp({ forumPostRateMax: 1000 })
    try {
      const made: string[] = []
      for (let i = 0; i < 7; i++) made.push((await createThread(fresh, chief, `Wątek numer ${i}`)).id)
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const res = await fresh.inject({ method: 'GET', url: '/api/v1/forum/threads', query: { limit: '3', ...(cursor ? { cursor } : {}) }, headers: chief })
        const page = res.json() as Page
        expect(page.items.length).toBeLessThanOrEqual(3)
        seen.push(...page.items.map((t) => t.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toEqual([...made].reverse())
    } finally {
      await fresh.close()
    }
  })

  it('searches title and opening post, ignoring diacritics, all words required', async () => {
    await createThread(app, chief, 'Błąd przy wysyłce JPK_V7M', 'Bramka zwraca kod 413.')
    await createThread(app, chief, 'Wysyłka e-deklaracji', 'Podpis kwalifikowany nie działa.')
    expect((await listPage(chief, { q: 'blad jpk' })).items.map((t) => t.title)).toEqual(['Błąd przy wysyłce JPK_V7M'])
    expect((await listPage(chief, { q: 'wysyłka' })).items.map((t) => t.title).sort()).toEqual(['Błąd przy wysyłce JPK_V7M', 'Wysyłka e-deklaracji'])
    expect((await listPage(chief, { q: 'kwalifik' })).items.map((t) => t.title)).toEqual(['Wysyłka e-deklaracji'])
    expect((await listPage(chief, { q: 'kadry' })).items).toEqual([])
  })

  it('answers 404 for unknown threads and other apps’ threads', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/forum/threads/0123456789abcdef01234567', headers: chief })
    expect(missing.json()).toMatchObject({ status: 404, code: 'THREAD_NOT_FOUND' })
    const thread = await createThread(app, chief, 'Tylko w tej aplikacji')
    await app.apps.upsert({ id: 'other-app', name: 'Inna', secret: 'another-secret-that-is-long-enough-0123', allowedOrigins: [] })
    const { signToken, bearer, personas } = await import('../helpers/tokens.js')
    const foreign = bearer(await signToken(personas.chiefOffice, { audience: 'other-app', secret: 'another-secret-that-is-long-enough-0123' }))
    expect((await app.inject({ method: 'GET', url: `/api/v1/forum/threads/${thread.id}`, headers: foreign })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: `/api/v1/forum/threads/${thread.id}/replies`, headers: foreign, payload: { body: 'x' } })).statusCode).toBe(
      404
    )
    expect((await app.inject({ method: 'GET', url: '/api/v1/forum/threads', headers: foreign })).json().items).toEqual([])
  })

  it('validates bodies, lengths, ids, cursors and rejects operator injection with 400', async () => {
    const thread = await createThread(app, chief, 'Walidacja')
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/forum/threads', { title: '', body: 'x' }],
      ['POST', '/api/v1/forum/threads', { title: '   ', body: 'x' }],
      ['POST', '/api/v1/forum/threads', { title: 'x'.repeat(201), body: 'x' }],
      ['POST', '/api/v1/forum/threads', { title: 'x', body: 'x'.repeat(10_001) }],
      ['POST', '/api/v1/forum/threads', { title: { $gt: '' }, body: 'x' }],
      ['POST', '/api/v1/forum/threads', { title: 'x', body: 'x', author: { role: 'expert' } }],
      ['POST', `/api/v1/forum/threads/${thread.id}/replies`, { body: { $ne: null } }],
      ['POST', `/api/v1/forum/threads/${thread.id}/replies`, {}],
      ['POST', `/api/v1/forum/threads/${thread.id}/accept`, { postId: { $ne: null } }],
      ['POST', `/api/v1/forum/threads/${thread.id}/accept`, { postId: 'abc' }],
      ['POST', '/api/v1/forum/threads/not-an-id/replies', { body: 'x' }],
      ['GET', '/api/v1/forum/threads?cursor[$gt]=', undefined],
      ['GET', '/api/v1/forum/threads?cursor=bm90LWEtY3Vyc29y', undefined],
      ['GET', '/api/v1/forum/threads?limit=500', undefined],
      ['GET', '/api/v1/forum/threads?q[$regex]=.*', undefined]
    ]
    for (const [method, url, payload] of cases) {
      const res = await app.inject({ method: method as 'GET', url, headers: chief, ...(payload !== undefined ? { payload: payload as object } : {}) })
      expect({ url, payload, status: res.statusCode, code: res.json().code }).toEqual({ url, payload, status: 400, code: 'VALIDATION_FAILED' })
    }
    const ok = await app.inject({ method: 'POST', url: '/api/v1/forum/threads', headers: chief, payload: { title: 'x'.repeat(200), body: 'x'.repeat(10_000) } })
    expect(ok.statusCode).toBe(201)
  })

  it('shows an expert reply with the expert badge', async () => {
    const { headers } = await expertHeaders(app, false)
    const thread = await createThread(app, employee, 'Pytanie do eksperta na forum')
    const res = await app.inject({ method: 'POST', url: `/admin/v1/forum/threads/${thread.id}/replies`, headers, payload: { body: 'Odpowiedź eksperta' } })
    expect(res.statusCode).toBe(201)
    expect(res.json().post).toMatchObject({ author: { kind: 'expert', name: 'Jan Ekspert', role: 'expert', expert: true }, hidden: false })
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/forum/threads/${thread.id}`, headers: employee })).json()
    expect(detail.posts[0].author).toEqual({ name: 'Jan Ekspert', role: 'expert', expert: true })
  })
})
