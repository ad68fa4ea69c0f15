import type { AdminPost, AdminThread, AdminThreadDetail, AdminThreadListFilter, AdminThreadPage } from '@ze/contract'
import { call, withQuery } from './client'

const thread = (id: string) => `/forum/threads/${encodeURIComponent(id)}`

/** Forum moderation: the /admin/v1/forum calls (every expert). */
export const forum = {
  list: (filter: AdminThreadListFilter, signal?: AbortSignal) =>
    call<AdminThreadPage>(
      'GET',
      withQuery('/forum/threads', { ...filter, hidden: filter.hidden === undefined ? undefined : String(filter.hidden) }),
      undefined,
      signal
    ),
  get: (id: string, signal?: AbortSignal) => call<AdminThreadDetail>('GET', thread(id), undefined, signal),
  reply: (id: string, body: string) => call<{ post: AdminPost }>('POST', `${thread(id)}/replies`, { body }),
  accept: (id: string, postId: string) => call<{ thread: AdminThread }>('POST', `${thread(id)}/accept`, { postId }),
  dismissReports: (id: string) => call<{ dismissed: number }>('POST', `${thread(id)}/reports/dismiss`),
  setPostHidden: (id: string, hidden: boolean, reason: string) =>
    call<{ post: AdminPost }>('POST', `/forum/posts/${encodeURIComponent(id)}/${hidden ? 'hide' : 'unhide'}`, { reason }),
  setThreadHidden: (id: string, hidden: boolean, reason: string) =>
    call<{ thread: AdminThread }>('POST', `${thread(id)}/${hidden ? 'hide' : 'unhide'}`, { reason })
}
