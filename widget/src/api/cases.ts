import type { ApiClient } from './client'
import { upload, type UploadOptions } from './upload'
import type { BulkResult, CaseAndMessage, CaseSummary, CaseWithMessages, EntryPoint, Page } from './types'

export type CasesTab = 'active' | 'archived'

export const listCases = (c: ApiClient, view: CasesTab, cursor: string | null, signal?: AbortSignal) =>
  c.request<Page<CaseSummary>>('/api/v1/cases', { query: { view, cursor, limit: 20 }, signal })

export const getCase = (c: ApiClient, id: string, signal?: AbortSignal) =>
  c.request<CaseWithMessages>(`/api/v1/cases/${encodeURIComponent(id)}`, { signal })

export type BulkAction = 'archive' | 'unarchive' | 'read'
export const bulkCases = (c: ApiClient, action: BulkAction, ids: string[]) =>
  c.request<BulkResult>(`/api/v1/cases/${action}`, { json: { ids } })

export const rateCase = (c: ApiClient, id: string, score: number, comment: string) =>
  c.request<{ case: CaseSummary }>(`/api/v1/cases/${encodeURIComponent(id)}/rating`, { json: comment.trim() ? { score, comment } : { score } })

export interface NewCase { question: string; entryPoint: EntryPoint; pageUrl?: string; subject?: string; files: File[] }

export function createCase(c: ApiClient, n: NewCase, opts?: UploadOptions): Promise<CaseAndMessage> {
  const form = new FormData()
  // Text fields go before files so the service can validate them before streaming bytes.
  form.append('question', n.question)
  form.append('entryPoint', n.entryPoint)
  if (n.subject) form.append('subject', n.subject)
  if (n.pageUrl) form.append('pageUrl', n.pageUrl)
  for (const f of n.files) form.append('files', f, f.name)
  return upload<CaseAndMessage>(c, '/api/v1/cases', form, opts)
}

export function replyToCase(c: ApiClient, id: string, body: string, files: File[], opts?: UploadOptions): Promise<CaseAndMessage> {
  const form = new FormData()
  form.append('body', body)
  for (const f of files) form.append('files', f, f.name)
  return upload<CaseAndMessage>(c, `/api/v1/cases/${encodeURIComponent(id)}/messages`, form, opts)
}
