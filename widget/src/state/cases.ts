import type { BulkAction, CaseFilter, CasesTab } from '../api/cases'
import type { CaseSummary } from '../api/types'
import type { PagedList } from './paged'
import type { Session } from './session'
import { createStore, type Store } from './store'

// Lives in the expert chunk (only its views import it): the core stays within its budget.

const lists = new WeakMap<Session, Store<PagedList<CaseSummary> | null>>()

/** The key of one list of Moje pytania: the tab and the filter. */
export const caseListKey = (tab: CasesTab, filter: CaseFilter): string => `${tab}|${filter.q ?? ''}|${filter.status ?? ''}`
const tabOf = (l: PagedList<CaseSummary>) => l.key.slice(0, l.key.indexOf('|')) as CasesTab
const unfiltered = (l: PagedList<CaseSummary>) => l.key.endsWith('||')

/**
 * The chief's case list as last shown, one per session. Every write in the widget (open, reply,
 * rate, create, archive, unarchive, mark read) applies the service's answer to it and to the
 * unread badge, so neither is read again to show what the chief just did.
 */
export function caseList(session: Session): Store<PagedList<CaseSummary> | null> {
  let store = lists.get(session)
  if (!store) lists.set(session, (store = createStore<PagedList<CaseSummary> | null>(null)))
  return store
}

/** The unread count a write answered (`include=unreadCount`); a service without it: /me again. */
export function unreadAnswered(session: Session, unreadCount: number | undefined): void {
  if (unreadCount === undefined) void session.refresh()
  else session.setUnread(unreadCount)
}

const newestFirst = (a: CaseSummary, b: CaseSummary) => b.lastActivityAt.localeCompare(a.lastActivityAt) || (b.id < a.id ? -1 : 1)

/** A write answered this case (a reply, a rating): the list shows it as the service now has it. */
export function caseAnswered(session: Session, c: CaseSummary): void {
  caseList(session).set((l) => {
    if (!l || !l.items.some((i) => i.id === c.id)) return l
    return { ...l, items: l.items.map((i) => (i.id === c.id ? c : i)).sort(newestFirst) }
  })
}

/** A new case heads the unfiltered active list (a filtered one is read again when shown). */
export function caseCreated(session: Session, c: CaseSummary): void {
  caseList(session).set((l) =>
    l && tabOf(l) === 'active' && unfiltered(l) && !l.items.some((i) => i.id === c.id)
      ? { ...l, items: [c, ...l.items], total: l.total === null ? null : l.total + 1 }
      : l
  )
}

/**
 * A bulk action answered `changed` (and the unread count): read cases lose their mark; archived
 * or restored ones leave the tab they were in. Cofnij passes what it took from a list (`known`):
 * while that list is shown, the cases come back to it (those never loaded come with later pages).
 */
export function casesChanged(
  session: Session,
  action: BulkAction,
  ids: string[],
  answer: { changed: string[]; unreadCount?: number | undefined },
  known?: { key: string; items: CaseSummary[] }
): void {
  unreadAnswered(session, answer.unreadCount)
  caseList(session).set((l) => {
    if (!l) return l
    if (action === 'read') return { ...l, items: l.items.map((i) => (ids.includes(i.id) ? { ...i, unread: false } : i)) }
    const moved = new Set(answer.changed)
    if (tabOf(l) === (action === 'archive' ? 'active' : 'archived')) {
      const total = l.total === null ? null : Math.max(0, l.total - answer.changed.length)
      return { ...l, items: l.items.filter((i) => !ids.includes(i.id)), total }
    }
    if (known?.key !== l.key) return l
    const back = known.items.filter((i) => moved.has(i.id) && !l.items.some((x) => x.id === i.id)).map((i) => ({ ...i, archived: action === 'archive' }))
    return { ...l, items: [...l.items, ...back].sort(newestFirst), total: l.total === null ? null : l.total + answer.changed.length }
  })
}
