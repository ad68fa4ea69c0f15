import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createThread, expertHeaders, reply, userHeaders } from '../helpers/content.js'

let app: FastifyInstance
let author: Record<string, string>
let stranger: Record<string, string>
let expert: Record<string, string>

beforeAll(async () => {
  app = await buildTestApp({ forumPostRateMax: 1000 })
  author = await userHeaders('employee')
  stranger = await userHeaders('client')
  expert = (await expertHeaders(app, false)).headers
})
afterAll(() => app.close())

const accept = (headers: Record<string, string>, threadId: string, postId: string, asExpert = false) =>
  app.inject({ method: 'POST', url: `${asExpert ? '/admin' : '/api'}/v1/forum/threads/${threadId}/accept`, headers, payload: { postId } })
const detail = async (threadId: string, headers = stranger) => app.inject({ method: 'GET', url: `/api/v1/forum/threads/${threadId}`, headers })
const moderate = (what: 'posts' | 'threads', id: string, action: 'hide' | 'unhide', reason = 'Reklama niezwiązana z pytaniem') =>
  app.inject({ method: 'POST', url: `/admin/v1/forum/${what}/${id}/${action}`, headers: expert, payload: { reason } })
const suggestionTitles = async (q: string) =>
  ((await app.inject({ method: 'GET', url: '/api/v1/suggestions', query: { q }, headers: stranger })).json().items as Array<{ title: string }>).map(
    (i) => i.title
  )
const listTitles = async (q?: string) =>
  ((await app.inject({ method: 'GET', url: '/api/v1/forum/threads', query: q ? { q } : {}, headers: stranger })).json().items as Array<{ title: string }>).map(
    (i) => i.title
  )

describe('accepted answers', () => {
  it('only the thread author may accept, and the thread becomes solved', async () => {
    const thread = await createThread(app, author, 'Jak zamknąć miesiąc księgowy?')
    const answer = await reply(app, stranger, thread.id, 'Księgowość » Zamknięcie okresu.')
    expect((await detail(thread.id, author)).json().thread.canAccept).toBe(true)
    expect((await detail(thread.id, stranger)).json().thread.canAccept).toBe(false)

    const refused = await accept(stranger, thread.id, answer.id)
    expect(refused.json()).toMatchObject({ status: 403, code: 'NOT_THREAD_AUTHOR' })
    // Same user id in another role is still the author (the id is what counts).
    const ok = await accept(author, thread.id, answer.id)
    expect(ok.statusCode).toBe(200)
    expect(ok.json().thread).toMatchObject({ id: thread.id, solved: true, acceptedPostId: answer.id })
    const shown = (await detail(thread.id)).json()
    expect(shown.thread.solved).toBe(true)
    expect(shown.posts).toMatchObject([{ id: answer.id, accepted: true }])
  })

  it('an expert may accept any answer; the author may change it later', async () => {
    const thread = await createThread(app, author, 'Import kontrahentów z pliku CSV')
    const first = await reply(app, stranger, thread.id, 'Kontrahenci » Import.')
    const second = await reply(app, expert, thread.id, 'Kontrahenci » Import » CSV, kodowanie UTF-8.', true)
    expect((await accept(expert, thread.id, second.id, true)).json().thread).toMatchObject({ solved: true, acceptedPostId: second.id })
    expect((await accept(author, thread.id, first.id)).json().thread).toMatchObject({ acceptedPostId: first.id })
  })

  it('refuses a post of another thread, an unknown post and a hidden post', async () => {
    const thread = await createThread(app, author, 'Wątek A')
    const other = await createThread(app, author, 'Wątek B')
    const foreign = await reply(app, stranger, other.id, 'Odpowiedź w B')
    expect((await accept(author, thread.id, foreign.id)).json().code).toBe('POST_NOT_FOUND')
    expect((await accept(author, thread.id, '0123456789abcdef01234567')).json().code).toBe('POST_NOT_FOUND')
    const hidden = await reply(app, stranger, thread.id, 'Spam')
    await moderate('posts', hidden.id, 'hide')
    expect((await accept(author, thread.id, hidden.id)).json().code).toBe('POST_NOT_FOUND')
  })
})

describe('moderation visibility', () => {
  it('a hidden post disappears for end users and from the reply count; unhide restores it', async () => {
    const thread = await createThread(app, author, 'Moderacja posta')
    const ok = await reply(app, stranger, thread.id, 'Pomocna odpowiedź')
    const spam = await reply(app, stranger, thread.id, 'Tanie kredyty!!!')
    const hidden = await moderate('posts', spam.id, 'hide')
    expect(hidden.json().post).toMatchObject({ id: spam.id, hidden: true })

    const seen = (await detail(thread.id)).json()
    expect(seen.posts.map((p: { id: string }) => p.id)).toEqual([ok.id])
    expect(seen.thread.replyCount).toBe(1)
    // Hiding twice does not count twice.
    await moderate('posts', spam.id, 'hide')
    expect((await detail(thread.id)).json().thread.replyCount).toBe(1)

    const adminView = (await app.inject({ method: 'GET', url: `/admin/v1/forum/threads/${thread.id}`, headers: expert })).json()
    expect(adminView.posts.map((p: { id: string; hidden: boolean }) => [p.id, p.hidden])).toEqual([
      [ok.id, false],
      [spam.id, true]
    ])

    await moderate('posts', spam.id, 'unhide')
    expect((await detail(thread.id)).json().thread.replyCount).toBe(2)
  })

  it('hiding the accepted answer unsolves the thread and drops it from suggestions', async () => {
    const thread = await createThread(app, author, 'Eksport księgi przychodów do PDF')
    const answer = await reply(app, stranger, thread.id, 'Raporty » KPiR » Drukuj do PDF.')
    await accept(author, thread.id, answer.id)
    expect(await suggestionTitles('eksport księgi przychodów')).toContain('Eksport księgi przychodów do PDF')

    await moderate('posts', answer.id, 'hide')
    const shown = (await detail(thread.id)).json()
    expect(shown.thread).toMatchObject({ solved: false, acceptedPostId: null })
    expect(await suggestionTitles('eksport księgi przychodów')).not.toContain('Eksport księgi przychodów do PDF')
  })

  it('a hidden thread is invisible in the list, search, detail, replies and suggestions', async () => {
    const thread = await createThread(app, author, 'Rozliczenie delegacji zagranicznej', 'Jak rozliczyć dietę?')
    const answer = await reply(app, stranger, thread.id, 'Kadry » Delegacje.')
    await accept(author, thread.id, answer.id)
    expect(await listTitles('delegacji')).toEqual(['Rozliczenie delegacji zagranicznej'])
    expect(await suggestionTitles('rozliczenie delegacji')).toContain('Rozliczenie delegacji zagranicznej')

    expect((await moderate('threads', thread.id, 'hide')).json().thread).toMatchObject({ hidden: true })
    expect(await listTitles()).not.toContain('Rozliczenie delegacji zagranicznej')
    expect(await listTitles('delegacji')).toEqual([])
    expect((await detail(thread.id)).json().code).toBe('THREAD_NOT_FOUND')
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/forum/threads/${thread.id}/replies`, headers: stranger, payload: { body: 'x' } })).statusCode
    ).toBe(404)
    expect((await accept(author, thread.id, answer.id)).statusCode).toBe(404)
    expect(await suggestionTitles('rozliczenie delegacji')).not.toContain('Rozliczenie delegacji zagranicznej')

    // Experts still see it, marked hidden.
    const adminList = (await app.inject({ method: 'GET', url: '/admin/v1/forum/threads?hidden=true', headers: expert })).json()
    expect(adminList.items.map((t: { id: string }) => t.id)).toContain(thread.id)

    await moderate('threads', thread.id, 'unhide')
    expect(await listTitles('delegacji')).toEqual(['Rozliczenie delegacji zagranicznej'])
  })

  it('moderation routes answer 404 for unknown ids and need an expert key', async () => {
    expect((await moderate('posts', '0123456789abcdef01234567', 'hide')).json().code).toBe('POST_NOT_FOUND')
    const dbg = await moderate('threads', '0123456789abcdef01234567', 'hide')
    expect(dbg.json().code).toBe('THREAD_NOT_FOUND')
    const asUser = await app.inject({
      method: 'POST',
      url: '/admin/v1/forum/posts/0123456789abcdef01234567/hide',
      headers: author,
      payload: { reason: 'Spam' }
    })
    expect(asUser.statusCode).toBe(401)
  })

  it('hide and unhide need a reason, which experts see with who moderated and when', async () => {
    const thread = await createThread(app, author, 'Powód ukrycia')
    const post = await reply(app, stranger, thread.id, 'Kup teraz!')
    for (const payload of [undefined, {}, { reason: '  ' }, { reason: 'x' }, { reason: 'Spam', extra: 1 }]) {
      const res = await app.inject({ method: 'POST', url: `/admin/v1/forum/posts/${post.id}/hide`, headers: expert, ...(payload ? { payload } : {}) })
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    }
    const before = Date.now()
    const hidden = (await moderate('posts', post.id, 'hide', '  Reklama  ')).json().post
    expect(hidden).toMatchObject({ hidden: true, moderation: { hidden: true, reason: 'Reklama', by: { name: 'Jan Ekspert' } } })
    expect(Date.parse(hidden.moderation.at)).toBeGreaterThanOrEqual(before - 1000)
    const shown = (await moderate('posts', post.id, 'unhide', 'Pomyłka, to była odpowiedź')).json().post
    expect(shown).toMatchObject({ hidden: false, moderation: { hidden: false, reason: 'Pomyłka, to była odpowiedź' } })

    const thr = (await moderate('threads', thread.id, 'hide', 'Duplikat')).json().thread
    expect(thr).toMatchObject({ hidden: true, moderation: { hidden: true, reason: 'Duplikat' } })
    const adminView = (await app.inject({ method: 'GET', url: `/admin/v1/forum/threads/${thread.id}`, headers: expert })).json()
    expect(adminView.thread.moderation).toMatchObject({ reason: 'Duplikat' })
    expect(adminView.posts[0].moderation).toMatchObject({ hidden: false, reason: 'Pomyłka, to była odpowiedź' })
    // End users never see moderation state.
    await moderate('threads', thread.id, 'unhide', 'Jednak nie duplikat')
    const seen = (await detail(thread.id)).json()
    expect(seen.thread).not.toHaveProperty('moderation')
    expect(seen.posts[0]).not.toHaveProperty('moderation')
  })
})
