import { useEffect, useRef, useState } from 'preact/hooks'
import { isAbort } from '../api/errors'
import { createStore, useStore, type Store } from '../state/store'
import type { ListPage, PagedList } from '../state/paged'

export type PagePhase = 'loading' | 'more' | 'ready' | 'error' | 'moreError'

interface Options<T> {
  /** While another key loads, the previous list stays on screen (a new search does not flicker). */
  keep?: boolean
  /** Where the list lives; a session-level store outlives the view, so writes elsewhere update it. */
  store?: Store<PagedList<T> | null>
}

/**
 * Every cursor-paged list of the widget: the first page per `key`, more pages by `nextCursor`
 * (the `sentinel` element loads the next one as it scrolls into view; it stays a real button or
 * gets one for keyboard users and browsers without IntersectionObserver), items deduplicated
 * by id. A newer load aborts the older one, so a stale answer never overwrites a fresh one.
 * A list the store already holds under this key shows at once and is read again quietly.
 */
export function usePagedList<T extends { id: string }, E extends HTMLElement = HTMLDivElement>(
  key: string,
  read: (cursor: string | null, signal: AbortSignal) => Promise<ListPage<T>>,
  { keep = false, store: shared }: Options<T> = {}
) {
  const [own] = useState(() => createStore<PagedList<T> | null>(null))
  const store = shared ?? own
  const stored = useStore(store)
  const list = stored && (keep || stored.key === key) ? stored : null
  const [phase, setPhase] = useState<PagePhase>(() => (store.get()?.key === key ? 'ready' : 'loading'))
  const inflight = useRef<AbortController | null>(null)
  const quiet = useRef<AbortController | null>(null)
  const sentinel = useRef<E>(null)

  const load = (cursor: string | null): void => {
    inflight.current?.abort()
    const ctrl = (inflight.current = new AbortController())
    setPhase(cursor ? 'more' : 'loading')
    read(cursor, ctrl.signal).then(
      (page) => {
        if (ctrl.signal.aborted) return
        store.set((prev) => {
          const base = cursor && prev?.key === key ? prev : null
          const seen = new Set(base?.items.map((x) => x.id))
          const items = base ? [...base.items, ...page.items.filter((x) => !seen.has(x.id))] : page.items
          return { key, items, next: page.nextCursor, total: page.total ?? base?.total ?? null }
        })
        setPhase('ready')
      },
      (e) => {
        if (!ctrl.signal.aborted && !isAbort(e)) setPhase(cursor ? 'moreError' : 'error')
      }
    )
  }

  /** The first page again without a loading state (live events); later pages are dropped. */
  const refresh = (): void => {
    quiet.current?.abort()
    const ctrl = (quiet.current = new AbortController())
    read(null, ctrl.signal).then(
      (page) => {
        if (ctrl.signal.aborted) return
        store.set((prev) => ({ key, items: page.items, next: page.nextCursor, total: page.total ?? (prev?.key === key ? prev.total : null) }))
      },
      () => undefined
    )
  }

  useEffect(() => {
    if (store.get()?.key === key) refresh()
    else load(null)
    return () => {
      inflight.current?.abort()
      quiet.current?.abort()
    }
  }, [key])

  useEffect(() => {
    const el = sentinel.current
    const next = list?.next
    if (!el || !next || phase !== 'ready' || typeof IntersectionObserver === 'undefined') return
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) load(next)
    })
    io.observe(el)
    return () => io.disconnect()
  }, [list?.next, phase])

  return {
    list,
    // Between a new key and its load starting, nothing of it is shown: still loading, not empty.
    phase: !list && phase === 'ready' ? 'loading' : phase,
    sentinel,
    refresh,
    /** The next page (the "Pokaż więcej" button; after a failed page it tries that page again). */
    loadMore: (): void => {
      if (list?.next && phase !== 'more') load(list.next)
    },
    /** After a failure: the page that failed. */
    retry: (): void => load(phase === 'moreError' && list?.next ? list.next : null),
    /** A local change (a bulk action's answer) applied to the loaded list. */
    update: (fn: (l: PagedList<T>) => PagedList<T>): void => store.set((prev) => (prev && prev.key === key ? fn(prev) : prev))
  }
}
