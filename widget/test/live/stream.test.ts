import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { pl } from '../../src/i18n/pl'
import { validateOptions } from '../../src/state/options'
import { POLL_MS, Session, type LiveEvent } from '../../src/state/session'
import { freshToken, makeMe } from '../helpers/factories'
import { API, installFakeApi, type FakeApi, type FakeRequest } from '../helpers/fakeApi'

// The event stream against a fake network: a response body we write frames into.
let api: FakeApi
let visibility: DocumentVisibilityState = 'visible'
let streams: Array<{ req: FakeRequest; push(text: string): void; end(): void }> = []
let eventsStatus = 200

beforeEach(() => {
  vi.useFakeTimers()
  visibility = 'visible'
  eventsStatus = 200
  streams = []
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
  api = installFakeApi({
    'GET /api/v1/me': () => ({ body: makeMe({ unreadCount: 1 }) }),
    'GET /api/v1/events': (req) => {
      if (eventsStatus !== 200) return { status: eventsStatus, body: { code: 'X', status: eventsStatus } }
      let controller!: ReadableStreamDefaultController<Uint8Array>
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          controller = c
        }
      })
      const enc = new TextEncoder()
      streams.push({ req, push: (t) => controller.enqueue(enc.encode(t)), end: () => controller.close() })
      return { raw: body, headers: { 'content-type': 'text/event-stream' } }
    }
  })
})
const sessions: Session[] = []
afterEach(() => {
  for (const s of sessions.splice(0)) s.destroy()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const meCalls = () => api.called('GET /api/v1/me').length
const settle = async (ms = 0) => {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(ms / 5)
}

function start(role: 'office_chief' | 'employee' = 'office_chief') {
  if (role !== 'office_chief') api.on('GET /api/v1/me', { body: makeMe({ user: { role } }) })
  const emit = vi.fn()
  const s = new Session(validateOptions({ apiUrl: API, appId: 'app', token: freshToken() }), emit, pl)
  sessions.push(s)
  const live: LiveEvent[] = []
  s.live.subscribe((e) => {
    if (e) live.push(e)
  })
  s.start()
  return { s, live, unreadEvents: () => emit.mock.calls.filter((c) => c[0] === 'unread').map((c) => c[1]) }
}

test('the stream updates the badge and open views, and the 30 s poll rests while it is up', async () => {
  const { s, live, unreadEvents } = start()
  // The stream code is a lazily imported chunk: wait for it to load and connect.
  await vi.waitFor(() => expect(streams).toHaveLength(1))
  expect(streams[0]!.req.headers.authorization).toMatch(/^Bearer /)
  streams[0]!.push('retry: 3000\n\nevent: unread\ndata: {"count":1}\n\n: heartbeat\n\n')
  streams[0]!.push('id: 7\nevent: message\ndata: {"caseId":"c1","messageId":"m1"}\n\nevent: unread\ndata: {"count":2}\n\n')
  streams[0]!.push('id: 8\nevent: ca')
  streams[0]!.push('se\ndata: {"caseId":"c1","status":"answered"}\n\n')
  await settle()
  expect(unreadEvents()).toEqual([1, 2])
  expect(live).toEqual([
    { type: 'message', caseId: 'c1', messageId: 'm1' },
    { type: 'case', caseId: 'c1', status: 'answered' }
  ])
  await settle(POLL_MS * 3)
  expect(meCalls()).toBe(1)
  s.destroy()
})

test('an ended stream reconnects at once with Last-Event-ID; a broken one hands over to the poll and retries', async () => {
  const { s } = start()
  await settle()
  streams[0]!.push('id: 41\nevent: message\ndata: {"caseId":"c1","messageId":"m1"}\n\n')
  await settle()
  streams[0]!.end()
  await settle()
  expect(streams).toHaveLength(2)
  expect(streams[1]!.req.headers['last-event-id']).toBe('41')

  eventsStatus = 503
  streams[1]!.end()
  await settle(POLL_MS + 100)
  // While the stream is down the poll runs again, and the stream keeps being retried.
  expect(meCalls()).toBeGreaterThanOrEqual(2)
  expect(api.called('GET /api/v1/events').length).toBeGreaterThan(3)
  eventsStatus = 200
  await settle(POLL_MS * 2)
  expect(streams.length).toBeGreaterThan(2)
  expect(streams.at(-1)!.req.headers['last-event-id']).toBe('41')
  s.destroy()
})

test('pauses in a background tab and resumes from the last event on return', async () => {
  const { s } = start()
  await settle()
  streams[0]!.push('id: 5\nevent: case\ndata: {"caseId":"c1","status":"open"}\n\n')
  await settle()
  visibility = 'hidden'
  document.dispatchEvent(new Event('visibilitychange'))
  await settle(POLL_MS * 3)
  expect(api.called('GET /api/v1/events')).toHaveLength(1)
  visibility = 'visible'
  document.dispatchEvent(new Event('visibilitychange'))
  await settle()
  expect(api.called('GET /api/v1/events')).toHaveLength(2)
  expect(streams[1]!.req.headers['last-event-id']).toBe('5')
  s.destroy()
})

test('people who are not the chief get no stream, only the poll', async () => {
  const { s } = start('employee')
  await settle(POLL_MS)
  expect(api.called('GET /api/v1/events')).toHaveLength(0)
  expect(meCalls()).toBe(2)
  s.destroy()
})

test('a refused stream leaves the poll in charge without retrying', async () => {
  eventsStatus = 403
  const { s } = start()
  await settle(POLL_MS * 2)
  expect(api.called('GET /api/v1/events')).toHaveLength(1)
  expect(meCalls()).toBe(3)
  s.destroy()
})
