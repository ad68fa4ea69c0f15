import type { AdminCase, AdminQueueCounts, AdminQueueQuery } from '@ze/contract'
import type { QueueView } from './route'

/** The five queue views as filters of GET /admin/v1/cases (the counts endpoint uses the same). */
export function viewQuery(view: QueueView): AdminQueueQuery {
  switch (view) {
    case 'unassigned':
      return { status: 'open', assignee: 'none' }
    case 'mine':
      return { status: 'open', assignee: 'me' }
    case 'open':
      return { status: 'open' }
    case 'waiting':
      return { status: 'answered' }
    case 'resolved':
      return { status: 'resolved' }
  }
}

export const countOf = (counts: AdminQueueCounts | null, view: QueueView): number | null => (counts ? counts[view] : null)

/** "Konto biura" / "Klient: …" */
export const accountLabelKey = (c: Pick<AdminCase, 'account'>) => (c.account.type === 'office' ? ('accountOffice' as const) : ('accountClient' as const))
