import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

type Chief = Record<string, unknown>
const list = async (chief: Chief, query = '') => app.inject({ method: 'GET', url: `/api/v1/cases${query}`, headers: await authFor(chief) })
const bulk = async (chief: Chief, action: string, payload: unknown) =>
  app.inject({ method: 'POST', url: `/api/v1/cases/${action}`, headers: await authFor(chief), payload: payload as object })

async function allPages(chief: Chief, between?: (page: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = []
  let cursor: string | null = null
  for (let page = 0; page < 50; page++) {
    const res = await list(chief, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    seen.push(...body.items.map((i: { id: string }) => i.id))
    cursor = body.nextCursor
    if (!cursor) break
    await between?.(page)
  }
  return seen
}

describe('GET /api/v1/cases', () => {
  it('lists newest activity first and pages without duplicates or skips while new cases arrive', async () => {
    const chief = freshChief()
    const created: string[] = []
    for (let i = 0; i < 10; i++) created.push((await createCase(app, chief, { question: `Pytanie ${i}` })).case.id)
    const seen = await allPages(chief, async () => {
      await createCase(app, chief, { question: 'Nowe w trakcie przeglądania' })
    })
    expect(seen).toEqual([...created].reverse())
  })

  it('orders by last activity, so an answered case moves to the top', async () => {
    const chief = freshChief()
    const a = (await createCase(app, chief)).case.id
    const b = (await createCase(app, chief)).case.id
    const { headers } = await createExpert(app)
    await expertReply(app, headers, a, 'Odpowiedź')
    expect((await list(chief)).json().items.map((i: { id: string }) => i.id)).toEqual([a, b])
  })

  it('filters by view and unread state', async () => {
    const chief = freshChief()
    const { headers } = await createExpert(app)
    const [a, b, c] = [(await createCase(app, chief)).case.id, (await createCase(app, chief)).case.id, (await createCase(app, chief)).case.id]
    await expertReply(app, headers, a!, 'Odpowiedź')
    await bulk(chief, 'archive', { ids: [c] })
    const ids = async (q: string) => (await list(chief, q)).json().items.map((i: { id: string }) => i.id)
    expect(await ids('')).toEqual([a, b])
    expect(await ids('?view=archived')).toEqual([c])
    expect(await ids('?unread=true')).toEqual([a])
    expect(await ids('?view=active&unread=false')).toEqual([b])
  })

  it.each([
    ['an operator in the query', '?view[$ne]=x'],
    ['an unknown view', '?view=all'],
    ['an unknown parameter', '?officeId=office-b'],
    ['a limit over 50', '?limit=51'],
    ['a cursor that is not base64url JSON', '?cursor=bm90LWpzb24'],
    ['a cursor with an operator', `?cursor=${Buffer.from(JSON.stringify({ t: { $gt: '' }, i: 'x' })).toString('base64url')}`],
    [
      'a cursor with extra members',
      `?cursor=${Buffer.from(JSON.stringify({ t: '2025-01-01T00:00:00.000Z', i: '0123456789abcdef01234567', x: 1 })).toString('base64url')}`
    ],
    [
      'a cursor with an impossible date',
      `?cursor=${Buffer.from(JSON.stringify({ t: '2025-13-45T99:00:00.000Z', i: '0123456789abcdef01234567' })).toString('base64url')}`
    ]
  ])('rejects %s with 400 VALIDATION_FAILED', async (_label, query) => {
    const res = await list(freshChief(), query)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })
})

describe('bulk archive, unarchive and read', () => {
  it('changes only the caller’s cases and lists only real changes', async () => {
    const chief = freshChief()
    const stranger = freshChief()
    const { headers } = await createExpert(app)
    const mine = [(await createCase(app, chief)).case.id, (await createCase(app, chief)).case.id]
    const theirs = (await createCase(app, stranger)).case.id
    const missing = '0123456789abcdef01234567'

    const archived = await bulk(chief, 'archive', { ids: [mine[0], theirs, missing, mine[0]] })
    expect(archived.json()).toEqual({ changed: [mine[0]] })
    expect((await bulk(chief, 'archive', { ids: mine })).json()).toEqual({ changed: [mine[1]] })
    expect((await bulk(chief, 'unarchive', { ids: [...mine, theirs] })).json().changed.sort()).toEqual([...mine].sort())

    for (const id of [...mine, theirs]) await expertReply(app, headers, id, 'Odpowiedź')
    expect((await bulk(chief, 'read', { ids: [mine[0], theirs] })).json()).toEqual({ changed: [mine[0]] })
    expect((await bulk(chief, 'read', { ids: [mine[0]] })).json()).toEqual({ changed: [] })

    const strangerView = (await list(stranger)).json().items[0]
    expect(strangerView).toMatchObject({ id: theirs, archived: false, unread: true })
  })

  it.each([
    ['an operator instead of an id', { ids: [{ $gt: '' }] }],
    ['an operator instead of the list', { ids: { $in: [] } }],
    ['no ids', { ids: [] }],
    ['more than 100 ids', { ids: Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(24, '0')) }],
    ['a malformed id', { ids: ['not-an-id'] }],
    ['an unknown member', { ids: ['0123456789abcdef01234567'], all: true }]
  ])('rejects %s with 400', async (_label, payload) => {
    const res = await bulk(freshChief(), 'archive', payload)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })

  it('with include=unreadCount, read and archive also answer the unread count after the change (the widget then skips GET /me)', async () => {
    const chief = freshChief()
    const { headers } = await createExpert(app)
    const ids = [(await createCase(app, chief)).case.id, (await createCase(app, chief)).case.id, (await createCase(app, chief)).case.id]
    for (const id of ids) await expertReply(app, headers, id, 'Odpowiedź')
    const me = async () => (await app.inject({ method: 'GET', url: '/api/v1/me', headers: await authFor(chief) })).json().unreadCount
    expect(await me()).toBe(3)
    expect((await bulk(chief, 'read?include=unreadCount', { ids: [ids[0]] })).json()).toEqual({ changed: [ids[0]], unreadCount: 2 })
    expect(await me()).toBe(2)
    // Archiving an unread case takes it out of the count, as GET /me counts it.
    expect((await bulk(chief, 'archive?include=unreadCount', { ids: [ids[1]] })).json()).toEqual({ changed: [ids[1]], unreadCount: await me() })
    expect((await bulk(chief, 'read?include=unreadCount', { ids: [ids[0]] })).json()).toEqual({ changed: [], unreadCount: await me() })
    const bad = await bulk(chief, 'read?include=everything', { ids: [ids[2]] })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('VALIDATION_FAILED')
  })

  it('rejects malformed JSON with 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases/read',
      headers: { ...(await authFor(freshChief())), 'content-type': 'application/json' },
      payload: '{"ids": ['
    })
    expect(res.statusCode).toBe(400)
  })
})
