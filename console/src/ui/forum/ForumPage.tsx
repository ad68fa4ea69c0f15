import type { AdminThreadListFilter, AdminThreadListItem } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { forum } from '../../api/forum'
import { formatDateTime, locale, useT, type Translate } from '../../i18n'
import { useStore } from '../../state/store'

export type ForumView = 'attention' | 'all' | 'hidden'
type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: AdminThreadListItem[]; nextCursor: string | null }

/** One list of threads with "Więcej" for the next page. */
function ThreadList({ filter, label, empty }: { filter: AdminThreadListFilter; label: string; empty: string }) {
  const t = useT()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const key = JSON.stringify(filter)
  useEffect(() => {
    const ctrl = new AbortController()
    setLoad({ status: 'loading' })
    forum.list(filter, ctrl.signal).then(
      (page) => setLoad({ status: 'ready', ...page }),
      () => !ctrl.signal.aborted && setLoad({ status: 'failed' })
    )
    return () => ctrl.abort()
  }, [key])
  const more = async () => {
    if (load.status !== 'ready' || !load.nextCursor) return
    const page = await forum.list({ ...filter, cursor: load.nextCursor })
    setLoad({ status: 'ready', items: [...load.items, ...page.items], nextCursor: page.nextCursor })
  }
  if (load.status === 'loading')
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    )
  if (load.status === 'failed') return <p role="alert">{t('loadFailed')}</p>
  if (load.items.length === 0) return <p class="muted">{empty}</p>
  return (
    <>
      <ul class="rows forum-rows" aria-label={label}>
        {load.items.map((th) => (
          <ThreadRow key={th.id} thread={th} t={t} />
        ))}
      </ul>
      {load.nextCursor && (
        <button type="button" onClick={() => void more()}>
          {t('forumMore')}
        </button>
      )}
    </>
  )
}

function ThreadRow({ thread, t }: { thread: AdminThreadListItem; t: Translate }) {
  const lang = useStore(locale)
  return (
    <li class="forum-row">
      <a class="forum-title" href={`#/forum/${encodeURIComponent(thread.id)}`}>
        {thread.title}
      </a>
      <span class="forum-flags">
        {thread.openReports > 0 && <span class="badge-report">{t('forumReports', { n: thread.openReports })}</span>}
        {thread.hidden && <span class="badge-hidden">{t('forumHidden')}</span>}
        {thread.solved && <span class="badge-solved">{t('forumSolved')}</span>}
      </span>
      <span class="muted">
        {thread.author.name} · {t('forumReplies', { n: thread.replyCount })} ·{' '}
        <time dateTime={thread.lastActivityAt}>{formatDateTime(thread.lastActivityAt, lang)}</time>
      </span>
    </li>
  )
}

/** "Forum": threads that need a moderator first (reported, then unanswered); all and hidden ones on their tabs. */
export default function ForumPage({ view }: { view: ForumView }) {
  const t = useT()
  const tabs: Array<[ForumView, string]> = [
    ['attention', t('forumAttention')],
    ['all', t('forumAll')],
    ['hidden', t('forumHiddenTab')]
  ]
  return (
    <section class="forum" aria-labelledby="forum-title">
      <h1 id="forum-title">{t('forumTitle')}</h1>
      <nav class="views" aria-label={t('forumViews')}>
        {tabs.map(([v, label]) => (
          <a key={v} href={v === 'attention' ? '#/forum' : `#/forum?view=${v}`} aria-current={v === view ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {view === 'attention' && (
        <>
          <h2>{t('forumReported')}</h2>
          <ThreadList filter={{ attention: 'reported', limit: 50 }} label={t('forumReported')} empty={t('forumNoReported')} />
          <h2>{t('forumUnanswered')}</h2>
          <ThreadList filter={{ attention: 'unanswered', limit: 50 }} label={t('forumUnanswered')} empty={t('forumNoUnanswered')} />
        </>
      )}
      {view === 'all' && <ThreadList filter={{ limit: 50 }} label={t('forumAll')} empty={t('forumNoThreads')} />}
      {view === 'hidden' && <ThreadList filter={{ hidden: true, limit: 50 }} label={t('forumHiddenTab')} empty={t('forumNoThreads')} />}
    </section>
  )
}
