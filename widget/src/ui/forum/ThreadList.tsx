import { useState } from 'preact/hooks'
import { listThreads } from '../../api/content'
import type { Thread } from '../../api/types'
import type { Session } from '../../state/session'
import { useWidget } from '../context'
import { formatDate } from '../format'
import { repliesLabel, useContentT } from '../content/i18n'
import { SearchBox } from '../content/SearchBox'
import { Failed } from '../content/Status'
import { Skeleton } from '../Skeleton'
import { useDebounced } from '../content/useLoad'
import { usePagedList } from '../usePagedList'
import { Author } from './Author'

export const SEARCH_DEBOUNCE_MS = 250

const rememberedQuery = new WeakMap<Session, string>()

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
  const { list, phase, sentinel, loadMore, retry } = usePagedList<Thread, HTMLButtonElement>(
    query,
    (cursor, signal) => listThreads(session.api, query || undefined, cursor, signal),
    { keep: true }
  )
  rememberedQuery.set(session, q)

  let body
  if (phase === 'error') body = <Failed message={t('threadsError')} onRetry={retry} />
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
          <button ref={sentinel} type="button" class="btn more" disabled={phase === 'more'} onClick={loadMore}>
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
        {phase === 'ready' && query && list ? t('threadsFound', { n: list.items.length }) : ''}
      </p>
      {body}
    </div>
  )
}
