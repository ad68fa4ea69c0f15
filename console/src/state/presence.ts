import type { AdminPresenceEvent } from '@ze/contract'
import { createStore } from './store'

export interface Presence {
  expertId: string
  name: string
  state: 'viewing' | 'typing'
  expiresAt: number
}

/** Other experts on each case, from `presence` events; entries expire by themselves. */
export const presence = createStore<Map<string, Presence[]>>(new Map())

export function applyPresence(e: AdminPresenceEvent, selfId: string | null, now = Date.now()): void {
  if (e.expert.id === selfId) return
  presence.set((prev) => {
    const next = new Map(prev)
    const others = (next.get(e.caseId) ?? []).filter((p) => p.expertId !== e.expert.id && p.expiresAt > now)
    const expiresAt = Date.parse(e.expiresAt)
    if (e.state !== 'left' && expiresAt > now) others.push({ expertId: e.expert.id, name: e.expert.name, state: e.state, expiresAt })
    if (others.length) next.set(e.caseId, others)
    else next.delete(e.caseId)
    return next
  })
}

/** Drops expired entries (called on a timer so "przegląda" disappears without a `left`). */
export function prunePresence(now = Date.now()): void {
  const current = presence.get()
  let changed = false
  const next = new Map<string, Presence[]>()
  for (const [caseId, list] of current) {
    const alive = list.filter((p) => p.expiresAt > now)
    if (alive.length !== list.length) changed = true
    if (alive.length) next.set(caseId, alive)
  }
  if (changed) presence.set(next)
}
