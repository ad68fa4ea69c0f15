import { expertEn, expertPl, type ExpertKey } from '../i18n/expert'
import { makeTranslator } from '../i18n'
import type { Session } from '../state/session'
import { useWidget } from './context'

export type ExpertT = (key: ExpertKey, vars?: Record<string, string | number>) => string

const cache = new WeakMap<Session, ExpertT>()

export function expertTranslator(session: Session): ExpertT {
  let t = cache.get(session)
  if (!t) cache.set(session, (t = makeTranslator<ExpertKey>(session.locale === 'en' ? expertEn : expertPl, session.options.strings, expertPl)))
  return t
}

/** The expert chunk's strings for the session's locale, with the host's overrides. */
export const useExpertT = (): ExpertT => expertTranslator(useWidget().session)
