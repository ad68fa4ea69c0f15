import { expertEn, expertPl, type ExpertKey } from '../i18n/expert'
import { chunkTranslator, type ChunkTranslate } from '../i18n/chunk'
import { useWidget } from './context'

export type ExpertT = (key: ExpertKey, vars?: Record<string, string | number>) => string
/** The expert chunk's strings first, then the core's (Pomoc, Ładowanie…, Spróbuj ponownie). */
export type ChunkT = ChunkTranslate<ExpertKey>

/** The expert chunk's strings for the session's locale, with the host's overrides. */
export const useExpertT = (): ChunkT => chunkTranslator(useWidget().session, expertPl, expertEn)
