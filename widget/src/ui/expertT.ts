import { expertEn, expertPl, type ExpertKey } from '../i18n/expert'
import { makeTranslator, type StringKey } from '../i18n'
import type { Session } from '../state/session'
import { useWidget } from './context'

export type ExpertT = (key: ExpertKey, vars?: Record<string, string | number>) => string
/** The expert chunk's strings first, then the core's (Pomoc, Ładowanie…, Spróbuj ponownie). */
export type ChunkT = (key: ExpertKey | StringKey, vars?: Record<string, string | number>) => string

const cache = new WeakMap<Session, ChunkT>()

export function expertTranslator(session: Session): ChunkT {
  let t = cache.get(session)
  if (!t) {
    const own = makeTranslator<ExpertKey>(session.locale === 'en' ? expertEn : expertPl, session.options.strings, expertPl)
    cache.set(session, (t = (key, vars) => (key in expertPl ? own(key as ExpertKey, vars) : session.t(key as StringKey, vars))))
  }
  return t
}

/** The expert chunk's strings for the session's locale, with the host's overrides. */
export const useExpertT = (): ChunkT => expertTranslator(useWidget().session)
