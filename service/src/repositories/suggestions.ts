import { parseQuery } from '../search/normalize.js'
import type { SearchIndexes } from '../search/indexes.js'

export interface Suggestion {
  kind: 'article' | 'thread'
  id: string
  slug?: string
  title: string
  excerpt: string
}

export const MAX_SUGGESTIONS = 5

/**
 * Deflection while the chief types: published articles and solved, visible threads from
 * the app's in-memory index, scored together (on equal scores an article wins, search/engine.ts),
 * the best five ranked in the search worker. Answers within `budgetMs`: what
 * was found by then, or nothing while the index is still loading.
 */
export function createSuggestionsRepository(searchIndexes: SearchIndexes, budgetMs: number) {
  return {
    async suggest(appId: string, q: string): Promise<Suggestion[]> {
      const query = parseQuery(q)
      if (!query) return []
      const hits = await searchIndexes.search(appId, query.tokens, {}, { budgetMs, limit: MAX_SUGGESTIONS })
      return hits.map(({ meta }) => ({ kind: meta.kind, id: meta.id, ...(meta.slug ? { slug: meta.slug } : {}), title: meta.title, excerpt: meta.excerpt }))
    }
  }
}

export type SuggestionsRepository = ReturnType<typeof createSuggestionsRepository>
