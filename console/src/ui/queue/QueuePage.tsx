import type { AdminCase, AdminOfficeList, AdminQueueCounts, ExpertProfile } from '@ze/contract'
import { useEffect, useRef, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { useT } from '../../i18n'
import { onLive } from '../../live/events'
import { viewQuery } from '../../state/queue'
import { QUEUE_VIEWS, navigate, type QueueView } from '../../state/route'
import { useShortcuts } from '../keyboard'
import { LoadNotice, SearchForm } from '../ListParts'
import { QueueRow } from './QueueRow'
import { OfficeSelect } from '../OfficeSelect'

type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: AdminCase[]; nextCursor: string | null }

const REFRESH_DEBOUNCE_MS = 300

/** "Kolejka": the five views with counts, search, office filter, live updates, j/k/Enter. */
export default function QueuePage({ view, me }: { view: QueueView; me: ExpertProfile }) {
  const t = useT()
  const [search, setSearch] = useState('')
  const [officeId, setOfficeId] = useState('')
  const [offices, setOffices] = useState<AdminOfficeList['items']>([])
  const [counts, setCounts] = useState<AdminQueueCounts | null>(null)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [selected, setSelected] = useState(0)
  const [tick, setTick] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLOListElement>(null)

  useEffect(() => {
    admin.offices().then(
      (o) => setOffices(o.items),
      () => undefined
    )
  }, [])

  useEffect(() => {
    const ctrl = new AbortController()
    const query = { ...viewQuery(view), q: search || undefined, officeId: officeId || undefined }
    admin.queue(query, ctrl.signal).then(
      (page) => setLoad({ status: 'ready', ...page }),
      () => !ctrl.signal.aborted && setLoad({ status: 'failed' })
    )
    admin.counts(officeId || undefined, ctrl.signal).then(setCounts, () => undefined)
    return () => ctrl.abort()
  }, [view, search, officeId, tick])

  // Any change to any case may move it between views: refetch (debounced) instead of patching.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = onLive((e) => {
      if (e.type === 'presence') return
      clearTimeout(timer)
      timer = setTimeout(() => setTick((n) => n + 1), REFRESH_DEBOUNCE_MS)
    })
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [])

  useEffect(() => setSelected(0), [view, search, officeId])

  const items = load.status === 'ready' ? load.items : []
  const focusRow = (i: number) => {
    const clamped = Math.max(0, Math.min(items.length - 1, i))
    setSelected(clamped)
    listRef.current?.querySelectorAll<HTMLAnchorElement>('a.subject')[clamped]?.focus()
  }
  useShortcuts({
    j: () => focusRow(selected + 1),
    k: () => focusRow(selected - 1),
    Enter: () => items[selected] && navigate({ name: 'case', id: items[selected].id }),
    '/': () => searchRef.current?.focus()
  })

  const more = async () => {
    if (load.status !== 'ready' || !load.nextCursor) return
    const page = await admin.queue({ ...viewQuery(view), q: search || undefined, officeId: officeId || undefined, cursor: load.nextCursor })
    setLoad({ status: 'ready', items: [...load.items, ...page.items], nextCursor: page.nextCursor })
  }

  return (
    <section class="queue" aria-labelledby="queue-title">
      <h1 id="queue-title">{t('queueTitle')}</h1>
      <nav aria-label={t('queueViews')} class="views">
        {QUEUE_VIEWS.map((v) => (
          <a key={v} href={`#/queue/${v}`} aria-current={v === view ? 'page' : undefined}>
            {t(`view_${v}`)} <span class="count">{counts ? counts[v] : '…'}</span>
          </a>
        ))}
      </nav>
      <div class="filters">
        <SearchForm label={t('searchLabel')} onSearch={setSearch} inputRef={searchRef} />
        <OfficeSelect offices={offices} value={officeId} onChange={setOfficeId} />
      </div>
      <LoadNotice status={load.status} onRetry={() => setTick((n) => n + 1)} />
      {load.status === 'ready' && items.length === 0 && <p class="muted">{t('noCases')}</p>}
      {items.length > 0 && (
        <ol class="rows" aria-label={t('cases')} ref={listRef}>
          {items.map((c, i) => (
            <QueueRow key={c.id} item={c} me={me} selected={i === selected} onFocus={() => setSelected(i)} />
          ))}
        </ol>
      )}
      {load.status === 'ready' && load.nextCursor && (
        <button type="button" onClick={() => void more()}>
          {t('showMore')}
        </button>
      )}
    </section>
  )
}
