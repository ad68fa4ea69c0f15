/**
 * Text normalisation for Polish search without `$text` (FerretDB has none): fold case and
 * diacritics, split into tokens, strip common inflectional endings, and derive the prefix
 * keys stored on each document so `$in` / `$all` on one indexed array finds candidates.
 */

// ł has no Unicode decomposition, so NFD alone would keep it; the rest fold by stripping marks.
const EXTRA_FOLDS: Record<string, string> = { ł: 'l', Ł: 'l', ß: 'ss', æ: 'ae', ø: 'o', đ: 'd' }

export function fold(text: string): string {
  return text
    .replace(/[łŁßæøđ]/g, (c) => EXTRA_FOLDS[c]!)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/**
 * Words that carry no meaning in a question ("jak", "czy", "się" …). Dropping them keeps the
 * stored keys small and stops "jak …" from matching every article that says "jak".
 */
const STOPWORDS = new Set(
  (
    'a aby ale albo ani az bo by byc czy czyli dla do gdy gdzie go i ich ile im in jak jaka jaki jakie jakis je jego jej jest jestem juz ' +
    'kiedy ktora ktore ktory ktorzy lub ma mam mamy mi mnie moge mozna moj na nad nam nas nie niz no o od oraz po pod przez przy sa sie ' +
    'so ta tak tam te tego tej ten to tu ty tym u w we wiec z za ze zeby czyli mi moze prosze dzien dobry witam the and or of to is'
  ).split(' ')
)

export const isStopword = (token: string): boolean => STOPWORDS.has(token)

const MAX_TOKEN_LENGTH = 40

/** Folded tokens in order (duplicates kept): letters and digits, at least two characters. */
export function tokenize(text: string): string[] {
  const tokens = fold(text).match(/[\p{L}\p{N}]+/gu) ?? []
  return tokens.filter((t) => t.length >= 2).map((t) => t.slice(0, MAX_TOKEN_LENGTH))
}

/** Unique content tokens of a text (stopwords removed), in first-seen order. */
export function contentTokens(text: string, limit = 2000): string[] {
  const out = new Set<string>()
  for (const token of tokenize(text)) {
    if (!isStopword(token)) out.add(token)
    if (out.size >= limit) break
  }
  return [...out]
}

// Endings of the folded forms, longest first. Stripping only suffixes keeps every stem a
// prefix of its word, which is what lets the stored prefix keys serve stems too.
const SUFFIXES = [
  'owania',
  'owaniu',
  'owanie',
  'ujacy',
  'ujaca',
  'ujace',
  'owac',
  'ywac',
  'iwac',
  'anie',
  'enie',
  'ania',
  'enia',
  'aniu',
  'eniu',
  'owie',
  'ami',
  'ach',
  'owi',
  'ego',
  'emu',
  'ych',
  'ich',
  'ymi',
  'imi',
  'iem',
  'cie',
  'ow',
  'om',
  'em',
  'ie',
  'ej',
  'ac',
  'ec',
  'ic',
  'yc',
  'al',
  'il',
  'yl',
  'a',
  'e',
  'i',
  'o',
  'u',
  'y'
]
const MIN_STEM = 3

/** A light Polish stemmer: "pliki", "pliku", "plików" → "plik"; "załączyć" → "zalacz". */
export function stem(token: string): string {
  if (/^\d+$/.test(token)) return token
  for (const suffix of SUFFIXES) {
    if (token.length - suffix.length >= MIN_STEM && token.endsWith(suffix)) return token.slice(0, -suffix.length)
  }
  return token
}

/**
 * The stem less its last letter (for stems of 5+ letters): Polish alternates the final
 * consonant in inflection ("wysyłka" → "wysyłce", "droga" → "drodze"), so the shared root
 * is what the candidate lookup asks for; ranking then prefers closer forms.
 */
export function root(token: string): string {
  const s = stem(token)
  return s.length >= 5 && !/^\d+$/.test(s) ? s.slice(0, -1) : s
}

const MIN_KEY = 2
const MAX_KEY = 24

/** Every prefix (2..24 chars) of every token: a query word or its stem matches if it is one of these. */
export function prefixKeys(tokens: Iterable<string>): string[] {
  const keys = new Set<string>()
  for (const token of tokens) {
    for (let n = MIN_KEY; n <= Math.min(token.length, MAX_KEY); n++) keys.add(token.slice(0, n))
  }
  return [...keys]
}

/** What a document stores to be searchable: token lists per field for ranking, keys for finding. */
export interface SearchFields {
  title: string[]
  tags: string[]
  body: string[]
  keys: string[]
}

export function searchFields(input: { title: string; body: string; tags?: string[] }): SearchFields {
  const title = contentTokens(input.title)
  const tags = contentTokens((input.tags ?? []).join(' '))
  const body = contentTokens(input.body)
  return { title, tags, body, keys: prefixKeys([...title, ...tags, ...body]) }
}

/** A parsed query: content tokens (or the raw tokens if the query is only stopwords). */
export interface SearchQuery {
  tokens: string[]
  /** The key each token must hit to be a candidate: its root, a prefix of every matching word form. */
  lookupKeys: string[]
}

const MAX_QUERY_TOKENS = 12

export function parseQuery(q: string | undefined): SearchQuery | null {
  if (!q) return null
  const all = [...new Set(tokenize(q))]
  const content = all.filter((t) => !isStopword(t))
  const tokens = (content.length > 0 ? content : all).slice(0, MAX_QUERY_TOKENS)
  if (tokens.length === 0) return null
  return { tokens, lookupKeys: [...new Set(tokens.map((t) => root(t).slice(0, MAX_KEY)))] }
}
