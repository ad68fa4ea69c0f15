import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { userHeaders } from '../helpers/content.js'
import { TEST_APP } from '../helpers/tokens.js'
import { searchFields } from '../../src/search/normalize.js'
import { loadConfig } from '../../src/config.js'

let app: FastifyInstance

const THREADS = 300
const RATE_MAX = 5

// A deterministic vocabulary of Polish-looking words sharing many 3-letter beginnings, so
// prefix and typo lookups expand to as many index terms as possible.
const STARTS = ['prz', 'pod', 'zal', 'fak', 'kor', 'wys', 'pla', 'roz', 'dok', 'spr', 'kon', 'ksi']
const ENDINGS = ['owanie', 'ania', 'ami', 'ach', 'ego', 'ych', 'ie', 'y', 'a', 'ow', 'ek', 'ka']
let seed = 42
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
const word = () => `${STARTS[rand(STARTS.length)]}${'abcdefghijklmnoprstuwz'[rand(22)]}${'aeiouy'[rand(6)]}${'klmnprst'[rand(8)]}${ENDINGS[rand(ENDINGS.length)]}`
const text = (words: number) => Array.from({ length: words }, word).join(' ')

beforeAll(async () => {
  app = await buildTestApp({ suggestRateMax: RATE_MAX, suggestRateWindowMs: 60_000, suggestBudgetMs: loadConfig({ MONGODB_URI: 'mongodb://unused' }).suggestBudgetMs })
  // 300 long solved threads (about 20,000 characters each), stored as the forum stores them.
  const now = Date.now()
  const docs = Array.from({ length: THREADS }, (_, i) => {
    const title = `Wątek ${i} ${text(8)}`
    const body = text(2500)
    return {
      appId: TEST_APP.id,
      officeId: 'biuro-1',
      title,
      body,
      author: { kind: 'user', id: `u${i}`, name: 'Jan', role: 'employee' },
      solved: true,
      lastActivityAt: new Date(now - i * 1000),
      search: searchFields({ title, body })
    }
  })
  await app.models.ForumThread.insertMany(docs)
}, 120_000)
afterAll(() => app.close())

const suggest = (headers: Record<string, string>, q: string) => app.inject({ method: 'GET', url: '/api/v1/suggestions', query: { q }, headers })

/** The longest the event loop was held (ms) while `work` ran. */
async function maxLoopBlockMs(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  try {
    await work()
  } finally {
    histogram.disable()
  }
  return histogram.max / 1e6
}

describe('suggestions under a worst-case query', () => {
  it('never hold the event loop more than 50 ms (300 long threads, a 2,000-character, many-word draft)', async () => {
    // The worst draft: as long as allowed, every word a common beginning, a typo-prone long word, or a near-miss.
    const draft = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? STARTS[i % STARTS.length] : i % 3 === 1 ? `${word()}x` : word())).join(' ').slice(0, 2000)
    expect(draft.length).toBe(2000)

    // Loading the index (300 × 2,500 words) happens in the search worker, fed in small batches.
    const loading = await maxLoopBlockMs(() => app.searchIndexes.size(TEST_APP.id))
    expect(await app.searchIndexes.size(TEST_APP.id)).toBe(THREADS)

    // A busy shared machine delays timers on its own (an idle process saw 70 ms there); a
    // real block (7 s before the index moved to a worker) shows in every attempt.
    const attempts: number[] = []
    for (let attempt = 0; attempt < 5; attempt++) {
      const user = await userHeaders('chiefOffice', { sub: `worst-${attempt}` })
      const blocked = await maxLoopBlockMs(async () => {
        const answers = await Promise.all(Array.from({ length: 4 }, () => suggest(user, draft)))
        for (const res of answers) {
          expect(res.statusCode).toBe(200)
          expect(res.json().items.length).toBeLessThanOrEqual(5)
        }
      })
      attempts.push(blocked)
      if (blocked < 50) break
    }
    console.info(`event loop: longest block ${attempts.map((ms) => ms.toFixed(1)).join(' / ')} ms (loading the index: ${loading.toFixed(1)} ms)`)
    expect(Math.min(...attempts)).toBeLessThan(50)
  }, 120_000)

  it('still finds a matching thread among them within the budget', async () => {
    await app.searchIndexes.size(TEST_APP.id)
    // Within the 25 ms budget on a quiet machine; a busy one may cut an answer short, so ask until it is complete.
    let first: unknown
    for (let attempt = 0; attempt < 20 && !first; attempt++) {
      first = (await suggest(await userHeaders('chiefOffice', { sub: `finder-${attempt}` }), 'Wątek 17')).json().items[0]
    }
    expect(first).toMatchObject({ kind: 'thread', title: expect.stringMatching(/^Wątek 17 /) })
  })
})

describe('suggestions rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the per-user limit; others are unaffected', async () => {
    const user = await userHeaders('chiefOffice', { sub: 'typing-fast' })
    for (let i = 0; i < RATE_MAX; i++) expect((await suggest(user, 'faktura')).statusCode).toBe(200)
    const refused = await suggest(user, 'faktura')
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', limit: RATE_MAX })
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect((await suggest(await userHeaders('chiefOffice', { sub: 'someone-else' }), 'faktura')).statusCode).toBe(200)
  })
})
