import type { AdminArticle, AdminArticleListFilter, AdminArticleSummary, ArticleCreateInput, ArticlePatchInput, ArticlePreviewResult } from '@ze/contract'
import { call, withQuery } from './client'

const path = (id: string) => `/articles/${encodeURIComponent(id)}`

/** Baza wiedzy: the /admin/v1/articles calls (admin experts). */
export const articles = {
  list: (filter: AdminArticleListFilter, signal?: AbortSignal) =>
    call<{ items: AdminArticleSummary[] }>(
      'GET',
      withQuery('/articles', { ...filter, published: filter.published === undefined ? undefined : String(filter.published) }),
      undefined,
      signal
    ),
  get: (id: string, signal?: AbortSignal) => call<AdminArticle>('GET', path(id), undefined, signal),
  create: (input: ArticleCreateInput) => call<AdminArticle>('POST', '/articles', input),
  update: (id: string, patch: ArticlePatchInput) => call<AdminArticle>('PATCH', path(id), patch),
  /** The service's own renderer and sanitiser: the preview is what a save would store. */
  preview: (body: string, signal?: AbortSignal) => call<ArticlePreviewResult>('POST', '/articles/preview', { body }, signal),
  fromMessage: (messageId: string) => call<AdminArticle>('POST', '/articles/from-message', { messageId })
}
