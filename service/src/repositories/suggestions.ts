import { excerpt } from '../domain/markdown.js'
import { parseQuery } from '../search/normalize.js'
import type { ArticlesRepository } from './articles.js'
import type { ForumRepository } from './forum.js'

export interface Suggestion {
  kind: 'article' | 'thread'
  id: string
  slug?: string
  title: string
  excerpt: string
}

export const MAX_SUGGESTIONS = 5

/**
 * Deflection while the chief types: published articles and solved, visible threads,
 * ranked by the same scoring so they can be mixed; on equal scores an article wins
 * (it is maintained by experts, a thread is one user's case).
 */
export function createSuggestionsRepository(articles: ArticlesRepository, forum: ForumRepository) {
  return {
    async suggest(appId: string, q: string): Promise<Suggestion[]> {
      const query = parseQuery(q)
      if (!query) return []
      const [foundArticles, foundThreads] = await Promise.all([articles.search(appId, query), forum.searchSolved(appId, query)])
      const merged = [
        ...foundArticles.map((a) => ({ score: a.score, tie: 1, item: { kind: 'article' as const, id: a.id, slug: a.slug, title: a.title, excerpt: a.excerpt } })),
        ...foundThreads.map((t) => ({ score: t.score, tie: 0, item: { kind: 'thread' as const, id: t.id, title: t.title, excerpt: excerpt(t.body) } }))
      ]
      return merged
        .sort((a, b) => b.score - a.score || b.tie - a.tie)
        .slice(0, MAX_SUGGESTIONS)
        .map((m) => m.item)
    }
  }
}

export type SuggestionsRepository = ReturnType<typeof createSuggestionsRepository>
