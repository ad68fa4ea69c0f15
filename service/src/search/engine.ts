import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import { performance } from 'node:perf_hooks'
import { isStopword, root, stem, tokenize } from './normalize.js'

/**
 * One app's in-memory full-text index (MiniSearch, BM25) over published articles and
 * solved, visible forum threads. Polish folding and stemming (normalize.ts) is the term
 * processor on both sides: a word is indexed as itself and as its stem, so an exact form
 * scores above another inflection, which scores above a prefix or a typo.
 */

export type DocKind = 'article' | 'thread'

/** What a hit returns without reading the database. */
export interface StoredMeta {
  kind: DocKind
  /** Database id of the article or thread. */
  id: string
  title: string
  excerpt: string
  slug?: string
  category?: { id: string; name: string }
  updatedAt?: string
}

export interface IndexedDoc {
  /** `kind:id`, unique across both kinds. */
  key: string
  title: string
  tags: string
  text: string
  meta: StoredMeta
}

export const FIELD_BOOST = { title: 3, tags: 2, text: 1 } as const

// Word, stem and root, stopwords dropped; null tells MiniSearch to skip the token. The stem
// and root are indexed so that a query finds other inflections and an alternated final
// consonant by exact lookups: prefix expansion of a short stem ("spr") would walk a large
// part of the vocabulary.
const indexTerms = (token: string): string[] | null => {
  if (isStopword(token)) return null
  return [...new Set([token, stem(token), root(token)])]
}

export function createEngine(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>({
    idField: 'key',
    fields: ['title', 'tags', 'text'],
    storeFields: ['meta'],
    tokenize: (text) => tokenize(text),
    processTerm: indexTerms
  })
}

// A query is already folded and split by parseQuery; each sub-query term is used as given.
const asIs = (term: string): string => term
const single = (text: string): string[] => [text]

/** Longer words tolerate more typos: one from 5 letters ("fakrura"), two from 8 ("bankoweog"). */
const typos = (term: string): number => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0)

/** A word being typed expands to the words it begins from four letters ("zała" → "załączyć"). */
export const MIN_PREFIX = 4

/** A word whose exact forms find fewer documents than this is looked up with typos too. */
export const TYPO_LOOKUP_BELOW = 10

/**
 * One query word as MiniSearch sub-queries: the word (with `typos`, and while it is being
 * typed, the words it begins), its stem (other inflections) and its root (final consonant
 * alternation, "wysyłka" → "wysyłce"), the last two by exact lookup of the indexed stem and
 * root. Only the last word is taken as unfinished, and only from MIN_PREFIX letters: a
 * shorter beginning expands to too much of the vocabulary to be worth its time.
 */
function wordQuery(token: string, typing: boolean, withTypos: boolean): Query {
  const [word, ...others] = [...new Set([token, stem(token), root(token)])]
  return {
    combineWith: 'OR',
    queries: [
      { queries: [word!], prefix: typing && word!.length >= MIN_PREFIX, fuzzy: withTypos ? typos(word!) : 0 },
      ...others.map((form) => ({ queries: [form], prefix: false, fuzzy: 0 }))
    ]
  }
}

export interface Hit {
  meta: StoredMeta
  score: number
}

export interface SearchOptions {
  filter: (meta: StoredMeta) => boolean
  /** performance.now() after which no further query word is looked up. */
  deadline?: number
  /** The best this many hits only: what crosses back from the worker stays small. */
  limit?: number
}

// On equal scores an article wins: experts maintain it, a thread is one user's case.
const articleFirst = (kind: DocKind): number => (kind === 'article' ? 1 : 0)

/**
 * Looks words up one at a time and stops at the deadline (the first word is always looked
 * up), each with typos only when it finds little as written. Runs in the search worker
 * (worker.ts), never on the service's event loop. Scores combine as MiniSearch's own OR does (sum, times the number of words matched); a hit
 * must match half the words or have one in its title, so one common word cannot pull in
 * everything.
 */
export function searchEngine(engine: MiniSearch<IndexedDoc>, tokens: readonly string[], options: SearchOptions): Hit[] {
  const found = new Map<string, { meta: StoredMeta; score: number; words: number; inTitle: boolean }>()
  const filter = (r: SearchResult) => options.filter(r.meta as StoredMeta)
  for (const [i, token] of tokens.entries()) {
    if (i > 0 && options.deadline !== undefined && performance.now() > options.deadline) break
    const lookup = (withTypos: boolean) =>
      engine.search(wordQuery(token, i === tokens.length - 1, withTypos), { boost: FIELD_BOOST, processTerm: asIs, tokenize: single, filter })
    // Typos are looked for only when the word as written finds little: near neighbours of a
    // correctly spelled common word would only add noise, and the typo walk is the costly part.
    let results = lookup(false)
    if (results.length < TYPO_LOOKUP_BELOW && typos(token) > 0) results = lookup(true)
    for (const r of results) {
      const entry = found.get(r.id as string) ?? { meta: r.meta as StoredMeta, score: 0, words: 0, inTitle: false }
      entry.score += r.score
      entry.words++
      entry.inTitle ||= Object.values(r.match).some((fields) => fields.includes('title'))
      found.set(r.id as string, entry)
    }
  }
  const words = tokens.length
  return [...found.values()]
    .filter((e) => e.words * 2 >= words || e.inTitle)
    .map((e) => ({ meta: e.meta, score: e.score * e.words }))
    .sort((a, b) => b.score - a.score || articleFirst(b.meta.kind) - articleFirst(a.meta.kind))
    .slice(0, options.limit ?? Infinity)
}
