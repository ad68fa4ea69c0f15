import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, testDatabaseUri } from '../helpers/app.js'
import { createArticle, createThread, expertHeaders, reply, userHeaders } from '../helpers/content.js'

let a: FastifyInstance
let b: FastifyInstance
let expert: Record<string, string>
let user: Record<string, string>

// Two service instances on ONE database, each with its own in-memory index.
beforeAll(async () => {
  const mongodbUri = testDatabaseUri()
  a = await buildTestApp({ mongodbUri, searchSyncIntervalMs: 100, forumPostRateMax: 1000 })
  b = await buildTestApp({ mongodbUri, searchSyncIntervalMs: 100, forumPostRateMax: 1000 })
  expert = (await expertHeaders(a)).headers
  user = await userHeaders('chiefOffice')
})
afterAll(async () => {
  await a.close()
  await b.close()
})

const titles = async (app: FastifyInstance, q: string) =>
  ((await app.inject({ method: 'GET', url: '/api/v1/suggestions', query: { q }, headers: user })).json().items as Array<{ title: string }>).map((i) => i.title)

/** Waits for the other instance to catch up (it checks every 100 ms), failing after 10 s. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 10_000
  while (!(await check())) {
    if (Date.now() > until) throw new Error('the other instance never caught up')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('search indexes across instances', () => {
  it('an article written through one instance is found, changed and removed on the other', async () => {
    // Both instances have loaded the app's index before the write.
    expect(await titles(b, 'rozrachunki')).toEqual([])
    const created = await createArticle(a, expert, { slug: 'rozrachunki', title: 'Rozrachunki z kontrahentami', body: 'Saldo rozrachunków.' })
    // The writing instance has it at once.
    expect(await titles(a, 'rozrachunki')).toEqual(['Rozrachunki z kontrahentami'])
    await eventually(async () => (await titles(b, 'rozrachunki')).includes('Rozrachunki z kontrahentami'))

    const patch = await a.inject({ method: 'PATCH', url: `/admin/v1/articles/${created.id}`, headers: expert, payload: { published: false } })
    expect(patch.statusCode).toBe(200)
    await eventually(async () => (await titles(b, 'rozrachunki')).length === 0)

    await a.inject({ method: 'PATCH', url: `/admin/v1/articles/${created.id}`, headers: expert, payload: { published: true } })
    await eventually(async () => (await titles(b, 'rozrachunki')).length === 1)
    expect((await a.inject({ method: 'DELETE', url: `/admin/v1/articles/${created.id}`, headers: expert })).statusCode).toBe(204)
    await eventually(async () => (await titles(b, 'rozrachunki')).length === 0)
    expect(await titles(a, 'rozrachunki')).toEqual([])
  })

  it('a thread solved on one instance is suggested by the other; hiding it removes it there', async () => {
    const author = await userHeaders('employee')
    const thread = await createThread(a, author, 'Amortyzacja środka trwałego', 'Jak ustawić stawkę?')
    const answer = await reply(a, expert, thread.id, 'Środki trwałe » Plan amortyzacji.', true)
    expect(
      (await a.inject({ method: 'POST', url: `/api/v1/forum/threads/${thread.id}/accept`, headers: author, payload: { postId: answer.id } })).statusCode
    ).toBe(200)
    await eventually(async () => (await titles(b, 'amortyzacja')).includes('Amortyzacja środka trwałego'))
    await a.inject({ method: 'POST', url: `/admin/v1/forum/threads/${thread.id}/hide`, headers: expert, payload: { reason: 'Spam' } })
    await eventually(async () => !(await titles(b, 'amortyzacja')).includes('Amortyzacja środka trwałego'))
  })

  it('a new instance loads what is already stored', async () => {
    await createArticle(a, expert, { slug: 'przelewy', title: 'Przelewy zbiorcze', body: 'Plik przelewów.' })
    const c = await buildTestApp({ mongodbUri: a.config.mongodbUri })
    try {
      const res = await c.inject({ method: 'GET', url: '/api/v1/articles', query: { q: 'przelew' }, headers: user })
      expect(res.json().items.map((i: { title: string }) => i.title)).toEqual(['Przelewy zbiorcze'])
    } finally {
      await c.close()
    }
  })
})
