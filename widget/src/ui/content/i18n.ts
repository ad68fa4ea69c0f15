import { contentEn, contentPl, type ContentKey } from '../../i18n/content'
import { chunkTranslator, type ChunkTranslate } from '../../i18n/chunk'
import { useWidget } from '../context'

export type ContentT = ChunkTranslate<ContentKey>

/** The content chunk's strings for the session's locale, with the host's overrides. */
export const useContentT = (): ContentT => chunkTranslator(useWidget().session, contentPl, contentEn)

/** "3 odpowiedzi", "1 odpowiedź", "5 odpowiedzi": Polish needs one/few/many. */
export function repliesLabel(t: ContentT, n: number, locale: string): string {
  const rule = new Intl.PluralRules(locale).select(n)
  const key = (rule === 'one' || rule === 'few' || rule === 'many' ? `replies_${rule}` : 'replies_other') as ContentKey
  return t(key, { n })
}
