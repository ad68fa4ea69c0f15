import type { Types } from 'mongoose'
import type { Static } from 'typebox'
import type { SearchFields } from '../search/normalize.js'
import type { AdminArticle, AdminArticleSummary, ArticleFeedback, ArticleSummary, ArticleView } from '@ze/contract'

// Written out rather than inferred: mongoose types nested paths as nullable.
export interface StoredArticle {
  _id: Types.ObjectId
  appId: string
  slug: string
  title: string
  body: string
  html: string
  excerpt: string
  category: { id: string; name: string }
  tags: string[]
  published: boolean
  previousSlugs?: string[] | null
  feedback?: { helpful?: number | null; notHelpful?: number | null } | null
  search?: Partial<SearchFields> | null
  createdAt: Date
  updatedAt: Date
}

export const toArticleSummary = (d: Pick<StoredArticle, 'slug' | 'title' | 'category' | 'excerpt' | 'updatedAt'>): Static<typeof ArticleSummary> => ({
  slug: d.slug,
  title: d.title,
  category: d.category.id,
  categoryName: d.category.name,
  excerpt: d.excerpt,
  updatedAt: d.updatedAt.toISOString()
})

export interface StoredArticleFeedback {
  helpful: boolean
  comment?: string | null
  role: string
  updatedAt: Date
}

export const toArticleFeedback = (f: StoredArticleFeedback): ArticleFeedback => ({
  helpful: f.helpful,
  comment: f.comment ?? null,
  votedAt: f.updatedAt.toISOString()
})

export const toArticleView = (d: StoredArticle, yours: StoredArticleFeedback | null = null): Static<typeof ArticleView> => ({
  slug: d.slug,
  title: d.title,
  category: d.category.id,
  categoryName: d.category.name,
  tags: d.tags,
  html: d.html,
  updatedAt: d.updatedAt.toISOString(),
  yourFeedback: yours && toArticleFeedback(yours)
})

export const toAdminArticleSummary = (d: StoredArticle): Static<typeof AdminArticleSummary> => ({
  id: String(d._id),
  appId: d.appId,
  slug: d.slug,
  title: d.title,
  category: { id: d.category.id, name: d.category.name },
  tags: d.tags,
  excerpt: d.excerpt,
  published: d.published,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  feedback: { helpful: d.feedback?.helpful ?? 0, notHelpful: d.feedback?.notHelpful ?? 0 }
})

export const toAdminArticle = (d: StoredArticle): Static<typeof AdminArticle> => ({
  ...toAdminArticleSummary(d),
  body: d.body,
  html: d.html,
  previousSlugs: d.previousSlugs ?? []
})
