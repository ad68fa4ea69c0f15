import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { pl } from '../../src/i18n/pl'
import { validateOptions } from '../../src/state/options'
import { POLL_MS, Session } from '../../src/state/session'
import { freshToken, makeMe } from '../helpers/factories'
import { API, installFakeApi, type FakeApi } from '../helpers/fakeApi'

let api: FakeApi
let unread = 2
let visibility: DocumentVisibilityState = 'visible'

beforeEach(() => {
  vi.useFakeTimers()
  unread = 2
  visibility = 'visible'
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
  api = installFakeApi({ 'GET /api/v1/me': () => ({ body: makeMe({ unreadCount: unread }) }) })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const setVisibility = (v: DocumentVisibilityState) => {
  visibility = v
  document.dispatchEvent(new Event('visibilitychange'))
}
const meCalls = () => api.called('GET /api/v1/me').length

function start() {
  const emit = vi.fn()
  const s = new Session(validateOptions({ apiUrl: API, appId: 'app', token: freshToken() }), emit, pl)
  s.start()
  return { s, emit, unreadEvents: () => emit.mock.calls.filter((c) => c[0] === 'unread').map((c) => c[1]) }
}

test('emits unread once after start, then only when the number changes, polling every 30 s', async () => {
  const { s, unreadEvents } = start()
  await vi.advanceTimersByTimeAsync(0)
  expect(unreadEvents()).toEqual([2])
  await vi.advanceTimersByTimeAsync(POLL_MS)
  expect(meCalls()).toBe(2)
  expect(unreadEvents()).toEqual([2])
  unread = 5
  await vi.advanceTimersByTimeAsync(POLL_MS)
  expect(unreadEvents()).toEqual([2, 5])
  expect(s.unread.get()).toBe(5)
  await vi.advanceTimersByTimeAsync(POLL_MS - 1000)
  expect(meCalls()).toBe(3)
  s.destroy()
})

test('pauses while the tab is hidden and refreshes on return (never faster than 30 s)', async () => {
  const { s } = start()
  await vi.advanceTimersByTimeAsync(0)
  setVisibility('hidden')
  await vi.advanceTimersByTimeAsync(POLL_MS * 5)
  expect(meCalls()).toBe(1)
  setVisibility('visible')
  await vi.advanceTimersByTimeAsync(0)
  expect(meCalls()).toBe(2)
  // flipping back quickly does not poll again before 30 s have passed
  setVisibility('hidden')
  setVisibility('visible')
  await vi.advanceTimersByTimeAsync(1000)
  expect(meCalls()).toBe(2)
  await vi.advanceTimersByTimeAsync(POLL_MS)
  expect(meCalls()).toBe(3)
  s.destroy()
})

test('destroy stops polling and removes the visibility listener', async () => {
  const remove = vi.spyOn(document, 'removeEventListener')
  const { s } = start()
  await vi.advanceTimersByTimeAsync(0)
  s.destroy()
  expect(remove).toHaveBeenCalledWith('visibilitychange', expect.any(Function))
  await vi.advanceTimersByTimeAsync(POLL_MS * 3)
  setVisibility('visible')
  await vi.advanceTimersByTimeAsync(POLL_MS)
  expect(meCalls()).toBe(1)
  expect(vi.getTimerCount()).toBe(0)
})
