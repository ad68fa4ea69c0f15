import type { Types } from 'mongoose'
import { excerpt } from '../domain/markdown.js'
import type { DocKind, IndexedDoc } from './engine.js'

/**
 * Stored documents → indexed documents. The text indexed is the content-token list the
 * repositories already store (`search.body`: folded, stopwords out, the accepted answer
 * included for threads), so loading needs no Markdown rendering and no extra query; it is
 * capped per document, which bounds an app's index by document count.
 */
export const MAX_INDEXED_TOKENS = 600

export const ARTICLE_FIELDS = { appId: 1, slug: 1, title: 1, excerpt: 1, category: 1, published: 1, updatedAt: 1, 'search.tags': 1, 'search.body': 1 } as const
export const THREAD_FIELDS = { appId: 1, title: 1, body: 1, solved: 1, hidden: 1, lastActivityAt: 1, 'search.body': 1 } as const

interface SearchTokens {
  search?: { tags?: string[] | null; body?: string[] | null } | null
}

export interface ArticleSource extends SearchTokens {
  _id: Types.ObjectId
  appId: string
  slug: string
  title: string
  excerpt: string
  category: { id: string; name: string }
  published: boolean
  /** Absent only on documents written without mongoose timestamps (imports). */
  updatedAt?: Date
}

export interface ThreadSource extends SearchTokens {
  _id: Types.ObjectId
  appId: string
  title: string
  body: string
  solved: boolean
  hidden: boolean
  lastActivityAt: Date
}

export const docKey = (kind: DocKind, id: string): string => `${kind}:${id}`

const text = (d: SearchTokens): string => (d.search?.body ?? []).slice(0, MAX_INDEXED_TOKENS).join(' ')

/** Only published articles are searchable. */
export function articleDoc(d: ArticleSource): IndexedDoc | null {
  if (!d.published) return null
  const id = String(d._id)
  return {
    key: docKey('article', id),
    title: d.title,
    tags: (d.search?.tags ?? []).join(' '),
    text: text(d),
    meta: {
      kind: 'article',
      id,
      title: d.title,
      excerpt: d.excerpt,
      slug: d.slug,
      category: { id: d.category.id, name: d.category.name },
      updatedAt: (d.updatedAt ?? new Date(0)).toISOString()
    }
  }
}

/** Only solved, visible threads are suggested. */
export function threadDoc(d: ThreadSource): IndexedDoc | null {
  if (!d.solved || d.hidden) return null
  const id = String(d._id)
  return { key: docKey('thread', id), title: d.title, tags: '', text: text(d), meta: { kind: 'thread', id, title: d.title, excerpt: excerpt(d.body) } }
}
