import type { Static } from 'typebox'
import type { StoredArticle } from '../models/article.js'
import type { StoredArticleFeedback } from '../models/article-feedback.js'
import type { AdminArticle, AdminArticleFeedback, AdminArticleSummary, ArticleFeedback, ArticleSummary, ArticleView } from '@ze/contract'

export const toArticleSummary = (d: Pick<StoredArticle, 'slug' | 'title' | 'category' | 'excerpt' | 'updatedAt'>): Static<typeof ArticleSummary> => ({
  slug: d.slug,
  title: d.title,
  category: d.category.id,
  categoryName: d.category.name,
  excerpt: d.excerpt,
  updatedAt: d.updatedAt.toISOString()
})

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

/** What experts read of the votes on one article: the counts and the comments the repository picked. */
export const toAdminArticleFeedback = (found: {
  feedback: StoredArticle['feedback']
  comments: Array<StoredArticleFeedback & { comment: string }>
}): AdminArticleFeedback => ({
  counts: { helpful: found.feedback?.helpful ?? 0, notHelpful: found.feedback?.notHelpful ?? 0 },
  comments: found.comments.map((v) => ({ helpful: v.helpful, comment: v.comment, role: v.role, votedAt: v.updatedAt.toISOString() }))
})

/** The list of published articles: summaries, and the categories with their counts as counted. */
export const toArticleList = <C>(found: { items: Array<Parameters<typeof toArticleSummary>[0]>; categories: C }) => ({
  items: found.items.map(toArticleSummary),
  categories: found.categories
})
