import type { Session } from '../state/session'

/** A stream that sent nothing (not even a heartbeat, every ≤ 25 s) for this long is dead. */
const SILENCE_MS = 60_000
const MAX_BACKOFF_MS = 30_000

export interface LiveStream {
  stop(): void
}

/** The last event id per session, kept across streams (a background tab stops its stream; the next one resumes). */
const lastIds = new WeakMap<Session, string>()

/**
 * The chief's live updates (GET /api/v1/events), loaded lazily by the session. Read with
 * fetch because EventSource cannot send the Authorization header. The session's 30 s poll
 * rests while the stream is up and takes over whenever it is down; the stream reconnects
 * with a fresh token and Last-Event-ID, so nothing is missed in between.
 */
export function openStream(session: Session): LiveStream {
  let stopped = false
  let failures = 0
  let ctrl: AbortController | null = null
  let retry: ReturnType<typeof setTimeout> | undefined
  let watchdog: ReturnType<typeof setTimeout> | undefined

  const later = (ms: number): void => {
    clearTimeout(retry)
    if (!stopped) retry = setTimeout(() => void connect(), ms)
  }
  const failed = (): void => {
    session.streamState(false)
    later(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures++))
  }
  const alive = (): void => {
    clearTimeout(watchdog)
    watchdog = setTimeout(() => ctrl?.abort(), SILENCE_MS)
  }

  function dispatch(block: string): void {
    let event = 'message'
    let data = ''
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':')
      if (colon === 0) continue
      const field = colon < 0 ? line : line.slice(0, colon)
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') event = value
      else if (field === 'data') data += (data ? '\n' : '') + value
      else if (field === 'id') lastIds.set(session, value)
    }
    if (!data) return
    const payload = JSON.parse(data) as { count?: number; caseId?: string; messageId?: string; status?: string }
    if (event === 'unread' && typeof payload.count === 'number') session.setUnread(payload.count)
    else if ((event === 'message' || event === 'case') && payload.caseId) session.live.set({ type: event, ...payload } as never)
  }

  async function connect(retried = false): Promise<void> {
    if (stopped) return
    const c = (ctrl = new AbortController())
    try {
      const token = await session.api.tokens.get()
      const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${token}` }
      const lastId = lastIds.get(session)
      if (lastId) headers['last-event-id'] = lastId
      const res = await fetch(session.api.url('/api/v1/events'), { headers, signal: c.signal, credentials: 'omit', cache: 'no-store' })
      if (res.status === 401 && !retried && session.api.tokens.canRefresh) {
        await session.api.tokens.refresh()
        return connect(true)
      }
      // Refused for good (not the chief, no such endpoint): the poll stays in charge.
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return session.streamState(false)
      if (!res.ok || !res.body) return failed()
      failures = 0
      session.streamState(true)
      alive()
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        alive()
        buffer += value.replace(/\r\n?/g, '\n')
        let cut
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, cut))
          buffer = buffer.slice(cut + 2)
        }
      }
      // The server ends the stream when the token expires: reconnect at once with a fresh one.
      clearTimeout(watchdog)
      later(0)
    } catch {
      clearTimeout(watchdog)
      if (!stopped) failed()
    }
  }

  void connect()
  return {
    stop() {
      stopped = true
      clearTimeout(retry)
      clearTimeout(watchdog)
      ctrl?.abort()
      session.streamState(false)
    }
  }
}
