import { createStore } from './store'

export type QueueView = 'unassigned' | 'mine' | 'open' | 'waiting' | 'resolved'
export const QUEUE_VIEWS: QueueView[] = ['unassigned', 'mine', 'open', 'waiting', 'resolved']

/** Views with no parameters: Zespół and Dziennik (admins), Moje ustawienia and Gotowe odpowiedzi (everyone). */
export const PAGES = ['team', 'audit', 'settings', 'replies', 'stats'] as const
export type Page = (typeof PAGES)[number]

export type Route =
  | { name: 'signin'; linkInvalid: boolean }
  | { name: 'queue'; view: QueueView }
  | { name: 'case'; id: string }
  | { name: Page }
  | { name: 'kb' }
  | { name: 'article'; id: string | 'new' }
  | { name: 'forum'; view: 'attention' | 'all' | 'hidden' }
  | { name: 'forumThread'; id: string }

/**
 * Hash routes, so the service serves one index.html for every view and a sign-in link can
 * land on `#/signin?link=invalid`: #/queue/<view>, #/case/<id>, #/signin, #/replies; Baza wiedzy: #/kb, #/kb/<id|new>;
 * Forum: #/forum[?view=all|hidden], #/forum/<thread id>.
 */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?')
  const parts = path.split('/').filter(Boolean)
  if (parts[0] === 'signin') return { name: 'signin', linkInvalid: new URLSearchParams(search).get('link') === 'invalid' }
  if (parts[0] === 'case' && parts[1]) return { name: 'case', id: decodeURIComponent(parts[1]) }
  if (parts[0] === 'forum') {
    if (parts[1]) return { name: 'forumThread', id: decodeURIComponent(parts[1]) }
    const view = new URLSearchParams(search).get('view')
    return { name: 'forum', view: view === 'all' || view === 'hidden' ? view : 'attention' }
  }
  if (parts[0] === 'kb') return parts[1] ? { name: 'article', id: decodeURIComponent(parts[1]) } : { name: 'kb' }
  const page = PAGES.find((p) => p === parts[0])
  if (page) return { name: page }
  const view = QUEUE_VIEWS.find((v) => v === parts[1]) ?? 'unassigned'
  return { name: 'queue', view }
}

export function hrefOf(route: Route): string {
  if (route.name === 'case') return `#/case/${encodeURIComponent(route.id)}`
  if (route.name === 'queue') return `#/queue/${route.view}`
  if (route.name === 'article') return `#/kb/${encodeURIComponent(route.id)}`
  if (route.name === 'forumThread') return `#/forum/${encodeURIComponent(route.id)}`
  if (route.name === 'forum') return route.view === 'attention' ? '#/forum' : `#/forum?view=${route.view}`
  return route.name === 'signin' ? '#/signin' : `#/${route.name}`
}

/** Links in e-mails point at `/console/?case=<id>`; they open that case (and the URL becomes a hash route). */
function initialRoute(): Route {
  const caseId = new URLSearchParams(location.search).get('case')
  if (!caseId) return parseRoute(location.hash)
  const r: Route = { name: 'case', id: caseId }
  history.replaceState(null, '', location.pathname + hrefOf(r))
  return r
}

export const route = createStore<Route>(initialRoute())
addEventListener('hashchange', () => route.set(parseRoute(location.hash)))

export function navigate(to: Route): void {
  location.hash = hrefOf(to)
}

/** The queue view an expert last looked at: "back to the queue" returns there. */
export const lastQueueView = createStore<QueueView>('unassigned')
route.subscribe((r) => {
  if (r.name === 'queue') lastQueueView.set(r.view)
})
