import type { AdminCaseCreatedEvent, AdminCaseUpdatedEvent, AdminMessageCreatedEvent, AdminPresenceEvent } from '@ze/contract'
import { eventsUrl } from '../api/admin'
import { createStore } from '../state/store'

export type LiveEvent =
  | { type: 'case.created'; data: AdminCaseCreatedEvent }
  | { type: 'case.updated'; data: AdminCaseUpdatedEvent }
  | { type: 'message.created'; data: AdminMessageCreatedEvent }
  | { type: 'presence'; data: AdminPresenceEvent }

const NAMES = ['case.created', 'case.updated', 'message.created', 'presence'] as const

export type LiveState = 'connecting' | 'up' | 'down'
export const liveState = createStore<LiveState>('connecting')
const listeners = new Set<(e: LiveEvent) => void>()

/** Subscribe to the experts' feed; returns the unsubscribe function. */
export function onLive(fn: (e: LiveEvent) => void): () => void {
  listeners.add(fn)
  return () => {
    listeners.delete(fn)
  }
}

/** Hands one event to every subscriber (the stream, and tests, call this). */
export function dispatchLive(e: LiveEvent): void {
  for (const fn of [...listeners]) fn(e)
}

/**
 * One EventSource for the whole console, with the session cookie. The browser reconnects by
 * itself and resumes with Last-Event-ID; while it is down the console still works, it only
 * stops updating by itself (PRODUCT.md: nothing breaks when the feed is down).
 */
export function connectLive(): () => void {
  if (typeof EventSource === 'undefined') {
    liveState.set('down')
    return () => undefined
  }
  const source = new EventSource(eventsUrl, { withCredentials: true })
  source.onopen = () => liveState.set('up')
  source.onerror = () => liveState.set(source.readyState === EventSource.CLOSED ? 'down' : 'connecting')
  for (const name of NAMES) {
    source.addEventListener(name, (msg) => {
      try {
        dispatchLive({ type: name, data: JSON.parse((msg as MessageEvent<string>).data) } as LiveEvent)
      } catch {
        // a frame we cannot read is skipped; the next refresh shows the truth
      }
    })
  }
  return () => source.close()
}
