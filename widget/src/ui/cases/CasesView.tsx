import { useEffect, useRef, useState } from 'preact/hooks'
import { bulkCases, listCases, type BulkAction, type CasesTab } from '../../api/cases'
import type { CaseSummary } from '../../api/types'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { expertCss } from '../expertCss'
import { CaseRow } from './CaseRow'
import { MeGate } from '../MeGate'
import { Sheet } from '../sheet'

type Load = 'loading' | 'more' | 'ready' | 'error'

/** Moje pytania is the chief's correspondence (R1): others get the reason, not a failed list. */
export default function CasesView({ tab }: { tab: CasesTab }) {
  const { session } = useWidget()
  return (
    <MeGate>
      {me =>
        me.capabilities.askExpertDeniedReason === 'ONLY_OFFICE_CHIEF' ? (
          <div class="cases">
            <Sheet css={expertCss} />
            <p class="note">{session.t('onlyChief')}</p>
          </div>
        ) : (
          <CasesList tab={tab} />
        )
      }
    </MeGate>
  )
}

/** Moje pytania (R3, R6, R7): tabs, bulk actions on checked cases, load more on scroll. */
function CasesList({ tab }: { tab: CasesTab }) {
  const { session, panel } = useWidget()
  const t = useExpertT()
  const [items, setItems] = useState<CaseSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [load, setLoad] = useState<Load>('loading')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState(false)
  const ctrl = useRef<AbortController | null>(null)
  const sentinel = useRef<HTMLDivElement>(null)
  const selectAll = useRef<HTMLInputElement>(null)

  const fetchPage = (from: string | null): void => {
    ctrl.current?.abort()
    const c = (ctrl.current = new AbortController())
    setLoad(from ? 'more' : 'loading')
    listCases(session.api, tab, from, c.signal).then(
      page => {
        if (c.signal.aborted) return
        setItems(prev => (from ? [...prev, ...page.items.filter(n => !prev.some(p => p.id === n.id))] : page.items))
        setCursor(page.nextCursor)
        setLoad('ready')
      },
      () => { if (!c.signal.aborted) setLoad('error') }
    )
  }

  useEffect(() => {
    setItems([]); setSelected(new Set()); setCursor(null); setActionError(false)
    fetchPage(null)
    return () => ctrl.current?.abort()
  }, [tab])

  // New replies and status changes pushed by the event stream: the first page is read again
  // (a burst of events reloads once); checked boxes stay.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let reload: AbortController | null = null
    const off = session.live.subscribe(e => {
      if (!e) return
      clearTimeout(timer)
      timer = setTimeout(() => {
        reload?.abort()
        const c = (reload = new AbortController())
        // A reload still in flight when the tab changes must not fill the other tab's list.
        listCases(session.api, tab, null, c.signal).then(page => { if (!c.signal.aborted) { setItems(page.items); setCursor(page.nextCursor) } }, () => undefined)
      }, 300)
    })
    return () => { off(); clearTimeout(timer); reload?.abort() }
  }, [tab])

  // Scrolling near the end loads the next page; the "Pokaż więcej" button does the same by keyboard.
  useEffect(() => {
    const el = sentinel.current
    if (!el || !cursor || load !== 'ready' || typeof IntersectionObserver === 'undefined') return
    const io = new IntersectionObserver(entries => { if (entries.some(e => e.isIntersecting)) fetchPage(cursor) })
    io.observe(el)
    return () => io.disconnect()
  }, [cursor, load])

  const allChecked = items.length > 0 && items.every(i => selected.has(i.id))
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selected.size > 0 && !allChecked
  })

  const toggle = (id: string): void => setSelected(prev => {
    const next = new Set(prev)
    if (!next.delete(id)) next.add(id)
    return next
  })

  const act = async (action: BulkAction): Promise<void> => {
    const ids = items.filter(i => selected.has(i.id)).map(i => i.id)
    if (!ids.length || busy) return
    setBusy(true); setActionError(false)
    try {
      await bulkCases(session.api, action, ids)
      // Archive/unarchive move cases to the other tab; read only clears the markers.
      setItems(prev => action === 'read' ? prev.map(i => (ids.includes(i.id) ? { ...i, unread: false } : i)) : prev.filter(i => !ids.includes(i.id)))
      setSelected(new Set())
      void session.refresh()
    } catch {
      setActionError(true)
    } finally {
      setBusy(false)
    }
  }

  const none = selected.size === 0 || busy
  return (
    <div class="cases">
      <Sheet css={expertCss} />
      <div class="bar">
        <div role="tablist" class="tabs">
          {(['active', 'archived'] as const).map(k => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => tab !== k && panel.replace({ name: 'cases', tab: k })}>
              {t(k === 'active' ? 'tabActive' : 'tabArchived')}
            </button>
          ))}
        </div>
        <button type="button" class="btn primary sm" onClick={() => panel.navigate({ name: 'ask' })}>{t('createCase')}</button>
      </div>
      <div class="bar tools">
        {tab === 'active' ? (
          <>
            <button type="button" class="btn sm" disabled={none} onClick={() => void act('archive')}>{t('archive')}</button>
            <button type="button" class="btn sm" disabled={none} onClick={() => void act('read')}>{t('markRead')}</button>
          </>
        ) : (
          <button type="button" class="btn sm" disabled={none} onClick={() => void act('unarchive')}>{t('unarchive')}</button>
        )}
      </div>
      {/* Select-all heads the list, in line with the rows' checkboxes, as in a mail client. */}
      <label class="all">
        <input
          ref={selectAll}
          type="checkbox"
          checked={allChecked}
          disabled={!items.length}
          onChange={() => setSelected(allChecked ? new Set() : new Set(items.map(i => i.id)))}
        />
        {t('selectAll')}
      </label>
      {actionError && <p role="alert" class="err">{t('actionFailed')}</p>}
      {load === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {load === 'error' && (
        <div role="alert">
          <p class="err">{t('casesError')}</p>
          <button type="button" class="btn" onClick={() => fetchPage(items.length ? cursor : null)}>{t('retry')}</button>
        </div>
      )}
      {load === 'ready' && !items.length && <p class="note">{t(tab === 'active' ? 'casesEmpty' : 'casesEmptyArchived')}</p>}
      {items.length > 0 && (
        <ul class="list">
          {items.map(i => <CaseRow key={i.id} item={i} selected={selected.has(i.id)} onToggle={toggle} />)}
        </ul>
      )}
      <div ref={sentinel} />
      {cursor && load !== 'error' && (
        <button type="button" class="btn more" disabled={load === 'more'} onClick={() => fetchPage(cursor)}>
          {load === 'more' ? t('loading') : t('showMore')}
        </button>
      )}
    </div>
  )
}
