import { makeTranslator, type StringKey } from '.'
import type { Session } from '../state/session'

/** A lazy chunk's translator: its own keys, and the core's (Pomoc, Ładowanie…, Spróbuj ponownie). */
export type ChunkTranslate<K extends string> = (key: K | StringKey, vars?: Record<string, string | number>) => string

const made = new WeakMap<object, WeakMap<Session, unknown>>()

/**
 * The translator every lazy chunk uses (the expert chunk's and the content chunk's tables): the
 * chunk's table for the session's locale with the host's `strings` overrides on top, a key the
 * English table lacks read from the Polish one, and the core's keys from `session.t`. Made once
 * per session and table.
 */
export function chunkTranslator<K extends string>(session: Session, pl: Record<K, string>, en: Partial<Record<K, string>>): ChunkTranslate<K> {
  let bySession = made.get(pl)
  if (!bySession) made.set(pl, (bySession = new WeakMap()))
  let t = bySession.get(session) as ChunkTranslate<K> | undefined
  if (!t) {
    const own = makeTranslator<K>((session.locale === 'en' ? en : pl) as Record<K, string>, session.options.strings, pl)
    bySession.set(session, (t = (key, vars) => (key in pl ? own(key as K, vars) : session.t(key as StringKey, vars))))
  }
  return t
}
