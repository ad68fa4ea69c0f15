import type { ApiClient } from './client'
import type { Article, ArticleFeedback, ArticleList, Page, Post, Suggestion, Thread, ThreadWithPosts } from './types'

// Articles and forum: the typed surface their views (widget/src/ui/articles, ui/forum) build on.

export const suggestions = (c: ApiClient, q: string, signal?: AbortSignal) =>
  c.request<{ items: Suggestion[] }>('/api/v1/suggestions', { query: { q }, signal, timeoutMs: 8_000 })

export const listArticles = (c: ApiClient, q?: string, category?: string, signal?: AbortSignal) =>
  c.request<ArticleList>('/api/v1/articles', { query: { q, category }, signal })

/** `via`: opened from the suggestions while writing a question (counted once per draft: ui/content/via.ts). */
export const getArticle = (c: ApiClient, slug: string, signal?: AbortSignal, via?: 'suggestion') =>
  c.request<Article>(`/api/v1/articles/${encodeURIComponent(slug)}`, { query: { via }, signal })

export const listThreads = (c: ApiClient, q: string | undefined, cursor: string | null, signal?: AbortSignal) =>
  c.request<Page<Thread>>('/api/v1/forum/threads', { query: { q, cursor }, signal })

export const getThread = (c: ApiClient, id: string, signal?: AbortSignal, via?: 'suggestion') =>
  c.request<ThreadWithPosts>(`/api/v1/forum/threads/${encodeURIComponent(id)}`, { query: { via }, signal })

export const createThread = (c: ApiClient, title: string, body: string) => c.request<{ thread: Thread }>('/api/v1/forum/threads', { json: { title, body } })

export const replyToThread = (c: ApiClient, id: string, body: string) =>
  c.request<{ post: Post }>(`/api/v1/forum/threads/${encodeURIComponent(id)}/replies`, { json: { body } })

/** Thread author only (403 NOT_THREAD_AUTHOR otherwise); the thread becomes solved. */
export const acceptAnswer = (c: ApiClient, id: string, postId: string) =>
  c.request<{ thread: Thread }>(`/api/v1/forum/threads/${encodeURIComponent(id)}/accept`, { json: { postId } })

/** "Zgłoś": one report per user and post (again replaces the reason); 204. */
export const reportPost = (c: ApiClient, target: 'posts' | 'threads', id: string, reason: string) =>
  c.request<void>(`/api/v1/forum/${target}/${encodeURIComponent(id)}/report`, { json: { reason } })

/** "Czy to pomogło?": one vote per user and article; voting again replaces it. */
export const voteArticle = (c: ApiClient, slug: string, helpful: boolean, comment = '') =>
  c.request<{ feedback: ArticleFeedback }>(`/api/v1/articles/${encodeURIComponent(slug)}/feedback`, {
    json: comment.trim() ? { helpful, comment } : { helpful }
  })
