import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, testDatabaseUri } from '../helpers/app.js'
import { createThread, expertHeaders, userHeaders } from '../helpers/content.js'

const MAX = 3
let a: FastifyInstance
let b: FastifyInstance

// Two app instances on ONE database: the limit must hold across them.
beforeAll(async () => {
  const mongodbUri = testDatabaseUri()
  a = await buildTestApp({ mongodbUri, forumPostRateMax: MAX, forumPostRateWindowMs: 60_000 })
  b = await buildTestApp({ mongodbUri, forumPostRateMax: MAX, forumPostRateWindowMs: 60_000 })
})
afterAll(async () => {
  await a.close()
  await b.close()
})

const post = (app: FastifyInstance, headers: Record<string, string>, title = 'Pytanie o JPK') =>
  app.inject({ method: 'POST', url: '/api/v1/forum/threads', headers, payload: { title, body: 'Treść' } })

describe('forum posting rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a user exceeds the limit', async () => {
    const user = await userHeaders('employee', { sub: 'rl-single' })
    for (let i = 0; i < MAX; i++) expect((await post(a, user)).statusCode).toBe(201)
    const res = await post(a, user)
    expect(res.statusCode).toBe(429)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60)
    expect(res.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', instance: '/api/v1/forum/threads', limit: MAX })
  })

  it('shares one window between two service instances on the same database', async () => {
    const user = await userHeaders('client', { sub: 'rl-two-instances' })
    const codes: number[] = []
    for (let i = 0; i < MAX + 2; i++) codes.push((await post(i % 2 === 0 ? a : b, user)).statusCode)
    expect(codes).toEqual([201, 201, 201, 429, 429])
  })

  it('holds under concurrent requests to both instances', async () => {
    const user = await userHeaders('client', { sub: 'rl-concurrent' })
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post(i % 2 ? a : b, user)))
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(MAX)
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(8 - MAX)
  })

  it('counts threads and replies together, per user and per app', async () => {
    const user = await userHeaders('employee', { sub: 'rl-mixed' })
    const other = await userHeaders('employee', { sub: 'rl-other' })
    const thread = await createThread(a, user, 'Wątek')
    const replyTo = (app: FastifyInstance, h: Record<string, string>) =>
      app.inject({ method: 'POST', url: `/api/v1/forum/threads/${thread.id}/replies`, headers: h, payload: { body: 'Odpowiedź' } })
    expect((await replyTo(b, user)).statusCode).toBe(201)
    expect((await replyTo(a, user)).statusCode).toBe(201)
    expect((await replyTo(b, user)).statusCode).toBe(429)
    // Someone else is not affected.
    expect((await replyTo(b, other)).statusCode).toBe(201)
  })

  it('does not limit reading', async () => {
    const user = await userHeaders('employee', { sub: 'rl-single' })
    for (let i = 0; i < MAX + 2; i++) expect((await a.inject({ method: 'GET', url: '/api/v1/forum/threads', headers: user })).statusCode).toBe(200)
  })

  it('limits expert replies per expert key', async () => {
    const { headers } = await expertHeaders(a, false)
    const thread = await createThread(a, await userHeaders('employee', { sub: 'rl-thread-owner' }), 'Pytanie do ekspertów')
    const codes: number[] = []
    for (let i = 0; i < MAX + 1; i++) {
      codes.push(
        (
          await (i % 2 ? a : b).inject({
            method: 'POST',
            url: `/admin/v1/forum/threads/${thread.id}/replies`,
            headers,
            payload: { body: 'Odpowiedź eksperta' }
          })
        ).statusCode
      )
    }
    expect(codes).toEqual([201, 201, 201, 429])
  })

  it('frees a slot once its window has passed, and cleans up expired slots', async () => {
    const { createRateLimitsRepository } = await import('../../src/repositories/rate-limits.js')
    const counters = createRateLimitsRepository(a.models)
    expect(await counters.hit('test|w', 300, 2)).toMatchObject({ current: 1 })
    expect(await counters.hit('test|w', 300, 2)).toMatchObject({ current: 2 })
    const refused = await counters.hit('test|w', 300, 2)
    expect(refused.current).toBe(3)
    expect(refused.ttl).toBeGreaterThan(0)
    expect(refused.ttl).toBeLessThanOrEqual(300)
    await new Promise((r) => setTimeout(r, 320))
    expect(await counters.hit('test|w', 300, 2)).toMatchObject({ current: 1 })
    expect(await counters.peek('test|w')).toMatchObject({ current: 1 })
    await new Promise((r) => setTimeout(r, 320))
    expect(await counters.deleteExpired()).toBeGreaterThanOrEqual(1)
    expect(await counters.peek('test|w')).toMatchObject({ current: 0 })
  })

  it('holds when each instance guesses its next slot from its own last hit (stale guesses included)', async () => {
    const { createRateLimitsRepository } = await import('../../src/repositories/rate-limits.js')
    const one = createRateLimitsRepository(a.models)
    const two = createRateLimitsRepository(b.models)
    const key = `test|guess-${Date.now()}`
    // Alternating and concurrent hits: each instance's guess is often a slot the other one took.
    const sequential = [await one.hit(key, 60_000, 5), await two.hit(key, 60_000, 5), await one.hit(key, 60_000, 5)]
    const concurrent = await Promise.all([one.hit(key, 60_000, 5), two.hit(key, 60_000, 5), one.hit(key, 60_000, 5), two.hit(key, 60_000, 5)])
    const allowed = [...sequential, ...concurrent].filter((r) => r.current <= 5)
    expect(allowed).toHaveLength(5)
    expect(await one.peek(key)).toMatchObject({ current: 5 })
    expect(await two.hit(key, 60_000, 5)).toMatchObject({ current: 6 })
  })
})
