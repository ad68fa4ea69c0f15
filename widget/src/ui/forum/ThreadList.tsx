import { useEffect, useRef, useState } from 'preact/hooks'
import { listThreads } from '../../api/content'
import { isAbort } from '../../api/errors'
import type { Thread } from '../../api/types'
import type { Session } from '../../state/session'
import { useWidget } from '../context'
import { formatDate } from '../format'
import { repliesLabel, useContentT } from '../content/i18n'
import { SearchBox } from '../content/SearchBox'
import { Failed } from '../content/Status'
import { Skeleton } from '../Skeleton'
import { useDebounced } from '../content/useLoad'
import { Author } from './Author'

export const SEARCH_DEBOUNCE_MS = 250

const rememberedQuery = new WeakMap<Session, string>()

type Phase = 'loading' | 'ok' | 'error' | 'more' | 'moreError'

function ThreadRow({ thread }: { thread: Thread }) {
  const { session, panel } = useWidget()
  const t = useContentT()
  return (
    <li>
      <button type="button" class="row" onClick={() => panel.navigate({ name: 'thread', id: thread.id })}>
        <b>{thread.title}</b>
        <span class="ex">{thread.excerpt}</span>
        <span class="meta">
          {thread.solved && <span class="tag ok">✓ {t('solved')}</span>}
          <Author author={thread.author} />
          <span>{repliesLabel(t, thread.replyCount, session.locale)}</span>
          <span>{formatDate(thread.lastActivityAt, session.locale)}</span>
        </span>
      </button>
    </li>
  )
}

/** Threads by recent activity, search, and paging with `nextCursor` (button + auto-load on scroll). */
export function ThreadList() {
  const { session, panel } = useWidget()
  const t = useContentT()
  const [q, setQ] = useState(() => rememberedQuery.get(session) ?? '')
  const query = useDebounced(q.trim(), SEARCH_DEBOUNCE_MS)
  const [list, setList] = useState<{ items: Thread[]; next: string | null } | null>(null)
  const [phase, setPhase] = useState<Phase>('loading')
  const inflight = useRef<AbortController | null>(null)
  const moreButton = useRef<HTMLButtonElement>(null)
  rememberedQuery.set(session, q)

  const load = (cursor: string | null): void => {
    inflight.current?.abort()
    const ctrl = (inflight.current = new AbortController())
    setPhase(cursor ? 'more' : 'loading')
    listThreads(session.api, query || undefined, cursor, ctrl.signal).then(
      (page) => {
        if (ctrl.signal.aborted) return
        setList((prev) => {
          if (!cursor || !prev) return { items: page.items, next: page.nextCursor }
          const seen = new Set(prev.items.map((x) => x.id))
          return { items: [...prev.items, ...page.items.filter((x) => !seen.has(x.id))], next: page.nextCursor }
        })
        setPhase('ok')
      },
      (e) => {
        if (!ctrl.signal.aborted && !isAbort(e)) setPhase(cursor ? 'moreError' : 'error')
      }
    )
  }
  const loadMore = (): void => {
    if (list?.next && phase === 'ok') load(list.next)
  }

  useEffect(() => {
    load(null)
    return () => inflight.current?.abort()
  }, [query])

  // Infinite scroll: the "Pokaż więcej" button loads the next page as it scrolls into view;
  // it stays a real button for keyboard users and browsers without IntersectionObserver.
  useEffect(() => {
    const el = moreButton.current
    if (!el || typeof IntersectionObserver === 'undefined') return
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore()
    })
    io.observe(el)
    return () => io.disconnect()
  })

  let body
  if (phase === 'error') body = <Failed message={t('threadsError')} onRetry={() => load(null)} />
  else if (!list) body = <Skeleton />
  else if (!list.items.length) body = <p class="note">{query ? t('threadsNoMatch', { q: query }) : t('threadsEmpty')}</p>
  else {
    body = (
      <>
        <ul class="rows">
          {list.items.map((th) => (
            <ThreadRow key={th.id} thread={th} />
          ))}
        </ul>
        {phase === 'moreError' && <Failed message={t('threadsError')} />}
        {list.next && (
          <button ref={moreButton} type="button" class="btn more" disabled={phase === 'more'} onClick={() => load(list.next)}>
            {phase === 'more' ? session.t('loading') : t('showMore')}
          </button>
        )}
      </>
    )
  }

  return (
    <div aria-busy={phase === 'loading' || phase === 'more'}>
      <div class="top">
        <SearchBox id="ze-forum-q" label={t('searchForum')} value={q} onInput={setQ} />
        <button type="button" class="btn primary" onClick={() => panel.navigate({ name: 'forum', compose: true })}>
          {t('newThread')}
        </button>
      </div>
      <p class="sr" role="status">
        {phase === 'ok' && query && list ? t('threadsFound', { n: list.items.length }) : ''}
      </p>
      {body}
    </div>
  )
}
