import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { pl } from '../../src/i18n/pl'
import { caseAnswered, caseCreated, caseList, caseListKey, casesChanged } from '../../src/state/cases'
import { validateOptions } from '../../src/state/options'
import { Session } from '../../src/state/session'
import { freshToken, makeCase, makeMe } from '../helpers/factories'
import { API, installFakeApi, type FakeApi } from '../helpers/fakeApi'

let api: FakeApi
beforeEach(() => {
  api = installFakeApi({ 'GET /api/v1/me': { body: makeMe({ unreadCount: 7 }) } })
})
afterEach(() => vi.unstubAllGlobals())

const session = () => new Session(validateOptions({ apiUrl: API, appId: 'app', token: freshToken() }), vi.fn(), pl)
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes)).toISOString()

test('a bulk answer updates the list and the badge without reading /me or the list again', () => {
  const s = session()
  const [a, b, c] = [makeCase({ unread: true, lastActivityAt: at(3) }), makeCase({ unread: true, lastActivityAt: at(2) }), makeCase({ lastActivityAt: at(1) })]
  caseList(s).set({ key: caseListKey('active', {}), items: [a, b, c], next: null, total: 3 })

  casesChanged(s, 'read', [a.id], { changed: [a.id], unreadCount: 1 })
  expect(
    caseList(s)
      .get()!
      .items.map((i) => i.unread)
  ).toEqual([false, true, false])
  expect(s.unread.get()).toBe(1)

  casesChanged(s, 'archive', [a.id, b.id], { changed: [a.id, b.id], unreadCount: 0 })
  expect(caseList(s).get()).toMatchObject({ items: [c], total: 1 })
  expect(s.unread.get()).toBe(0)

  // Cofnij: the restored cases come back in their places (newest activity first).
  casesChanged(s, 'unarchive', [a.id, b.id], { changed: [a.id, b.id], unreadCount: 1 }, { key: caseListKey('active', {}), items: [a, b] })
  expect(
    caseList(s)
      .get()!
      .items.map((i) => i.id)
  ).toEqual([a.id, b.id, c.id])
  expect(caseList(s).get()!.total).toBe(3)
  expect(api.called('GET /api/v1/me')).toHaveLength(0)
})

test('a service that does not answer the unread count: the badge reads /me', async () => {
  const s = session()
  casesChanged(s, 'read', ['x'], { changed: ['x'] })
  await vi.waitFor(() => expect(s.unread.get()).toBe(7))
  expect(api.called('GET /api/v1/me')).toHaveLength(1)
})

test('a reply or rating replaces the case in place; a new case heads only the unfiltered active list', () => {
  const s = session()
  const [a, b] = [makeCase({ lastActivityAt: at(2) }), makeCase({ lastActivityAt: at(1) })]
  caseList(s).set({ key: caseListKey('active', {}), items: [a, b], next: null, total: 2 })
  caseAnswered(s, { ...b, status: 'open', lastActivityAt: at(4) })
  expect(
    caseList(s)
      .get()!
      .items.map((i) => [i.id, i.status])
  ).toEqual([
    [b.id, 'open'],
    [a.id, a.status]
  ])
  const created = makeCase({ lastActivityAt: at(5) })
  caseCreated(s, created)
  expect(caseList(s).get()).toMatchObject({ total: 3 })
  expect(caseList(s).get()!.items[0]!.id).toBe(created.id)

  caseList(s).set({ key: caseListKey('active', { q: 'faktura' }), items: [a], next: null, total: 1 })
  caseCreated(s, makeCase())
  expect(caseList(s).get()!.items).toEqual([a])
})

test('Cofnij after archiving every match of a search brings the loaded ones back and counts all of them', () => {
  const s = session()
  const key = caseListKey('active', { q: 'VAT' })
  const loaded = [makeCase({ lastActivityAt: at(3) }), makeCase({ lastActivityAt: at(2) })]
  const all = [...loaded.map((i) => i.id), 'not-loaded']
  caseList(s).set({ key, items: loaded, next: 'c2', total: 3 })
  casesChanged(s, 'archive', all, { changed: all, unreadCount: 0 })
  expect(caseList(s).get()).toMatchObject({ items: [], total: 0, next: 'c2' })
  casesChanged(s, 'unarchive', all, { changed: all, unreadCount: 0 }, { key, items: loaded })
  expect(caseList(s).get()).toMatchObject({ items: loaded, total: 3 })
  // Another list shown meanwhile is left alone.
  caseList(s).set({ key: caseListKey('active', {}), items: [], next: null, total: 0 })
  casesChanged(s, 'unarchive', all, { changed: all, unreadCount: 0 }, { key, items: loaded })
  expect(caseList(s).get()).toMatchObject({ items: [], total: 0 })
})
