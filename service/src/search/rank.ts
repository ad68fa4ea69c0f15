import { root, stem, type SearchQuery } from './normalize.js'

/**
 * In-process ranking over the candidates the database found. Candidate sets are small
 * (articles are few; forum queries are capped), so simple scoring beats a search engine
 * we would have to run and keep in sync.
 */

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return false
  let i = 0
  while (i < la && i < lb && a[i] === b[i]) i++
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    // Transposed neighbours ("faktrua"): a common typing slip, counted as one edit.
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

export const MIN_TYPO_LENGTH = 5

const EXACT = 1
const SAME_STEM = 0.9
const PREFIX = 0.8
const STEM_PREFIX = 0.7
const ROOT_PREFIX = 0.6
const TYPO = 0.5

/** How well one query token matches one document token (0 = not at all). */
export function tokenMatch(query: string, token: string): number {
  if (token === query) return EXACT
  const qs = stem(query)
  if (stem(token) === qs) return SAME_STEM
  // The user is still typing: "zala" → "zalacz".
  if (token.startsWith(query)) return PREFIX
  // Another inflected form: "faktura" (stem "faktur") → "fakturze".
  if (qs.length >= 4 && token.startsWith(qs)) return STEM_PREFIX
  // Final consonant alternation: "wysyłka" (root "wysyl") → "wysyłce".
  const qr = root(query)
  if (qr.length >= 4 && qr !== qs && token.startsWith(qr)) return ROOT_PREFIX
  if (query.length >= MIN_TYPO_LENGTH && token.length >= MIN_TYPO_LENGTH - 1) {
    if (withinOneEdit(query, token) || withinOneEdit(qs, stem(token))) return TYPO
  }
  return 0
}

function bestMatch(query: string, tokens: readonly string[]): number {
  let best = 0
  for (const token of tokens) {
    const m = tokenMatch(query, token)
    if (m > best) best = m
    if (best === EXACT) break
  }
  return best
}

export const FIELD_WEIGHTS = { title: 3, tags: 2, body: 1 } as const

export interface Searchable {
  title: readonly string[]
  tags?: readonly string[]
  body: readonly string[]
}

export interface Score {
  score: number
  /** Query tokens matched anywhere, 0..1. */
  coverage: number
  titleHits: number
}

/** Title hits outweigh body hits; a document matching every query word gets a bonus. */
export function scoreDocument(query: SearchQuery, doc: Searchable): Score {
  let score = 0
  let matched = 0
  let titleHits = 0
  for (const q of query.tokens) {
    const title = bestMatch(q, doc.title) * FIELD_WEIGHTS.title
    const tags = bestMatch(q, doc.tags ?? []) * FIELD_WEIGHTS.tags
    const body = bestMatch(q, doc.body) * FIELD_WEIGHTS.body
    const best = Math.max(title, tags, body)
    if (best > 0) matched++
    if (title > 0) titleHits++
    // A little credit for the body too, so of two equal titles the better-described one wins.
    score += best + (best !== body ? body * 0.1 : 0)
  }
  const coverage = matched / query.tokens.length
  if (coverage === 1) score *= 1.5
  return { score, coverage, titleHits }
}

/** True when some query token (long enough to tolerate a typo) matches no candidate except by a typo. */
export function needsTypoFallback(query: SearchQuery, candidates: readonly Searchable[]): boolean {
  return query.tokens.some(
    (q) => q.length >= MIN_TYPO_LENGTH && !candidates.some((c) => [c.title, c.tags ?? [], c.body].some((f) => bestMatch(q, f) > TYPO))
  )
}

/** Keeps what is relevant enough to show: most of the words, or at least one word in the title. */
export function isRelevant(s: Score): boolean {
  return s.score > 0 && (s.coverage >= 0.5 || s.titleHits > 0)
}

export function rank<T extends Searchable>(query: SearchQuery, docs: readonly T[]): Array<{ doc: T } & Score> {
  return docs
    .map((doc) => ({ doc, ...scoreDocument(query, doc) }))
    .filter(isRelevant)
    .sort((a, b) => b.score - a.score)
}
