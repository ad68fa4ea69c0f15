import { contentEn, contentPl, type ContentKey, type ContentStrings } from '../../i18n/content'
import type { Session } from '../../state/session'
import { useWidget } from '../context'

export type ContentT = (key: ContentKey, vars?: Record<string, string | number>) => string

const cache = new WeakMap<Session, ContentT>()

function translator(session: Session): ContentT {
  const table: ContentStrings = { ...(session.locale === 'en' ? contentEn : contentPl), ...session.options.strings }
  return (key, vars) => {
    const s = table[key] ?? contentPl[key]
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s
  }
}

/** The content chunk's strings for the session's locale, with the host's overrides. */
export function useContentT(): ContentT {
  const { session } = useWidget()
  let t = cache.get(session)
  if (!t) cache.set(session, (t = translator(session)))
  return t
}

/** "3 odpowiedzi", "1 odpowiedź", "5 odpowiedzi": Polish needs one/few/many. */
export function repliesLabel(t: ContentT, n: number, locale: string): string {
  const rule = new Intl.PluralRules(locale).select(n)
  const key = (rule === 'one' || rule === 'few' || rule === 'many' ? `replies_${rule}` : 'replies_other') as ContentKey
  return t(key, { n })
}
