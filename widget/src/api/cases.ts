import type { ApiClient } from './client'
import { upload, type UploadOptions } from './upload'
import type { BulkResult, CaseAndMessage, CaseStatus, CaseSummary, CaseWithMessages, EntryPoint, Page } from './types'

export type CasesTab = 'active' | 'archived'

/** Search words in the subject and a status; empty means no filter. */
export interface CaseFilter {
  q?: string
  status?: CaseStatus | ''
}

/** The first page (no cursor) also says how many cases match in all (`total`). */
export const listCases = (c: ApiClient, view: CasesTab, cursor: string | null, signal?: AbortSignal, filter: CaseFilter = {}, limit = 20) =>
  c.request<Page<CaseSummary> & { total?: number }>('/api/v1/cases', { query: { view, cursor, limit, q: filter.q, status: filter.status }, signal })

export const getCase = (c: ApiClient, id: string, signal?: AbortSignal) => c.request<CaseWithMessages>(`/api/v1/cases/${encodeURIComponent(id)}`, { signal })

export type BulkAction = 'archive' | 'unarchive' | 'read'

/**
 * Archiwizuj / przywróć / oznacz jako przeczytane, answering the unread count after it
 * (`include=unreadCount`), so the badge follows without GET /me and opening a conversation
 * costs two requests, not three; a service without it answers `{ changed }`.
 */
export const bulkCases = (c: ApiClient, action: BulkAction, ids: string[]) =>
  c.request<BulkResult>(`/api/v1/cases/${action}`, { query: { include: 'unreadCount' }, json: { ids } })

export const markRead = (c: ApiClient, ids: string[]) => bulkCases(c, 'read', ids)

export const rateCase = (c: ApiClient, id: string, score: number, comment: string) =>
  c.request<{ case: CaseSummary }>(`/api/v1/cases/${encodeURIComponent(id)}/rating`, { json: comment.trim() ? { score, comment } : { score } })

export interface NewCase {
  question: string
  entryPoint: EntryPoint
  pageUrl?: string
  subject?: string | undefined
  files: File[]
  /** A suggestion was opened while writing it (statistics: deflection). */
  afterSuggestion?: boolean
}

export function createCase(c: ApiClient, n: NewCase, opts?: UploadOptions): Promise<CaseAndMessage> {
  const form = new FormData()
  // Text fields go before files so the service can validate them before streaming bytes.
  form.append('question', n.question)
  form.append('entryPoint', n.entryPoint)
  if (n.subject) form.append('subject', n.subject)
  if (n.pageUrl) form.append('pageUrl', n.pageUrl)
  if (n.afterSuggestion) form.append('afterSuggestion', 'true')
  for (const f of n.files) form.append('files', f, f.name)
  return upload<CaseAndMessage>(c, '/api/v1/cases', form, opts)
}

export function replyToCase(c: ApiClient, id: string, body: string, files: File[], opts?: UploadOptions): Promise<CaseAndMessage> {
  const form = new FormData()
  form.append('body', body)
  for (const f of files) form.append('files', f, f.name)
  return upload<CaseAndMessage>(c, `/api/v1/cases/${encodeURIComponent(id)}/messages`, form, opts)
}

export const BULK_MAX = 100

/** A bulk action on any number of ids, in the service's batches of at most 100; the last batch's unread count. */
export async function bulkAll(c: ApiClient, action: BulkAction, ids: string[]): Promise<BulkResult> {
  const changed: string[] = []
  let unreadCount: number | undefined
  for (let i = 0; i < ids.length; i += BULK_MAX) {
    const r = await bulkCases(c, action, ids.slice(i, i + BULK_MAX))
    changed.push(...r.changed)
    unreadCount = r.unreadCount
  }
  return unreadCount === undefined ? { changed } : { changed, unreadCount }
}

/** Every id matching the list's filter ("Zaznacz wszystkie N" in Gmail's sense), page by page. */
export async function allMatchingIds(c: ApiClient, view: CasesTab, filter: CaseFilter, max = 2000): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const page: Page<CaseSummary> = await listCases(c, view, cursor, undefined, filter, 50)
    ids.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
  } while (cursor && ids.length < max)
  return ids
}
