import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'
import { createPageCache, touchOffice } from '../../src/repositories/case-lists/index.js'

// The chief's list pages cached per instance (docs/adr/0101-cached-list-pages.md): two
// instances of the real app on one database, as behind a load balancer. Every read right
// after a write on the OTHER instance must already show it: no waiting for a poll.
let a: FastifyInstance
let b: FastifyInstance
beforeAll(async () => {
  a = await buildTestApp()
  b = await buildTestApp({ mongodbUri: a.config.mongodbUri })
})
afterAll(async () => {
  await b?.close()
  await a?.close()
})

const list = async (app: FastifyInstance, chief: Record<string, unknown>, query = 'view=active') => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/cases?${query}`, headers: await authFor(chief) })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { items: Array<{ id: string; unread: boolean; status: string; rating: unknown; lastPreview: string }>; total?: number }
}
const unreadCount = async (app: FastifyInstance, chief: Record<string, unknown>) =>
  ((await app.inject({ method: 'GET', url: '/api/v1/me', headers: await authFor(chief) })).json() as { unreadCount: number }).unreadCount

describe('cached list pages across instances', () => {
  it('show every write made through the other instance on the very next read', async () => {
    const chief = freshChief()
    const first = await createCase(a, chief, { question: 'Pierwsze pytanie o VAT' })
    // Both instances cache the one-case page.
    expect((await list(a, chief)).items.map((c) => c.id)).toEqual([first.case.id])
    expect((await list(b, chief)).items.map((c) => c.id)).toEqual([first.case.id])
    expect(await unreadCount(a, chief)).toBe(0)

    // A new case through B: A's next read has it, with the new total.
    const second = await createCase(b, chief, { question: 'Drugie pytanie o ZUS' })
    const afterCreate = await list(a, chief)
    expect(afterCreate.items.map((c) => c.id)).toEqual([second.case.id, first.case.id])
    expect(afterCreate.total).toBe(2)

    // An expert's answer through A: B shows it unread, with its preview, and counts it.
    const { headers } = await createExpert(a)
    expect((await expertReply(a, headers, first.case.id, 'Odpowiedź eksperta w sprawie VAT')).statusCode).toBe(201)
    const afterAnswer = await list(b, chief)
    expect(afterAnswer.items[0]).toMatchObject({ id: first.case.id, unread: true, status: 'answered', lastPreview: 'Odpowiedź eksperta w sprawie VAT' })
    expect(await unreadCount(b, chief)).toBe(1)

    // Bulk "Oznacz jako przeczytane" through B: A's list and badge follow at once.
    const read = await b.inject({ method: 'POST', url: '/api/v1/cases/read', payload: { ids: [first.case.id] }, headers: await authFor(chief) })
    expect(read.statusCode, read.body).toBe(200)
    expect((await list(a, chief)).items.find((c) => c.id === first.case.id)?.unread).toBe(false)
    expect(await unreadCount(a, chief)).toBe(0)

    // Archiving through A moves the case out of B's active list and into its archive.
    const archive = await a.inject({ method: 'POST', url: '/api/v1/cases/archive', payload: { ids: [second.case.id] }, headers: await authFor(chief) })
    expect(archive.statusCode, archive.body).toBe(200)
    expect((await list(b, chief)).items.map((c) => c.id)).toEqual([first.case.id])
    expect((await list(b, chief, 'view=archived')).items.map((c) => c.id)).toEqual([second.case.id])

    // A rating (no list moves) is shown by the other instance too.
    const rated = await b.inject({ method: 'POST', url: `/api/v1/cases/${first.case.id}/rating`, payload: { score: 5 }, headers: await authFor(chief) })
    expect(rated.statusCode, rated.body).toBe(200)
    expect((await list(a, chief)).items[0]?.rating).toMatchObject({ score: 5 })
  })

  it('keeps offices apart: a write in one office leaves the other office cached', async () => {
    const cache = createPageCache(a.models, { maxEntries: 100, ttlMs: 60_000 })
    const one = { appId: 'app-x', officeId: 'office-1' }
    const two = { appId: 'app-x', officeId: 'office-2' }
    let loads = 0
    const load = async () => ++loads
    expect(await cache.read(one, 'k', load)).toBe(1)
    expect(await cache.read(two, 'k', load)).toBe(2)
    // Unchanged tokens: both served from memory.
    expect(await cache.read(one, 'k', load)).toBe(1)
    expect(await cache.read(two, 'k', load)).toBe(2)
    await touchOffice(a.models, one)
    expect(await cache.read(one, 'k', load)).toBe(3)
    expect(await cache.read(two, 'k', load)).toBe(2)
  })

  it('never keeps a value loaded before a write under the token after it', async () => {
    const cache = createPageCache(a.models, { maxEntries: 100, ttlMs: 60_000 })
    const office = { appId: 'app-x', officeId: 'office-race' }
    let state = 'before'
    // The load reads the old state, then a write (with its touch) lands before the load returns.
    const racing = cache.read(office, 'k', async () => {
      const seen = state
      state = 'after'
      await touchOffice(a.models, office)
      return seen
    })
    expect(await racing).toBe('before')
    expect(await cache.read(office, 'k', async () => state)).toBe('after')
  })

  it('shares one token read among the reads that wait for it, and each waits for a read that started after it', async () => {
    const cache = createPageCache(a.models, { maxEntries: 100, ttlMs: 60_000 })
    const office = { appId: 'app-x', officeId: 'office-burst' }
    await cache.read(office, 'k', async () => 'warm')
    const { CaseListVersion } = a.models
    const findById = CaseListVersion.findById.bind(CaseListVersion)
    let tokenReads = 0
    CaseListVersion.findById = ((...args: Parameters<typeof findById>) => {
      tokenReads++
      return findById(...args)
    }) as typeof CaseListVersion.findById
    try {
      const burst = await Promise.all(Array.from({ length: 20 }, () => cache.read(office, 'k', async () => 'reloaded')))
      expect(burst.every((v) => v === 'warm')).toBe(true)
      // The first read runs at once; the 19 that arrived while it ran share the one after it.
      expect(tokenReads).toBe(2)
    } finally {
      CaseListVersion.findById = findById
    }
  })

  it('is off with no entries: every read loads', async () => {
    const cache = createPageCache(a.models, { maxEntries: 0, ttlMs: 60_000 })
    let loads = 0
    const office = { appId: 'app-x', officeId: 'office-off' }
    await cache.read(office, 'k', async () => ++loads)
    await cache.read(office, 'k', async () => ++loads)
    expect(loads).toBe(2)
  })
})
