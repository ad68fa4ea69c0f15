import { useEffect, useRef, useState } from 'preact/hooks'
import { allMatchingIds, bulkAll, listCases, type BulkAction, type CaseFilter, type CasesTab } from '../../api/cases'
import type { CaseStatus, CaseSummary } from '../../api/types'
import { caseList, caseListKey, casesChanged } from '../../state/cases'
import { usePagedList } from '../usePagedList'
import { useWidget } from '../context'
import { expertCss } from '../expertCss'
import { useExpertT, type ChunkT } from '../expertT'
import { CaseRow } from './CaseRow'
import { CasesEmpty } from './CasesEmpty'
import { Toast, type ToastState } from './Toast'
import { MeGate } from '../MeGate'
import { Sheet } from '../sheet'
import { Skeleton } from '../Skeleton'

const STATUSES: CaseStatus[] = ['open', 'answered', 'resolved']
export const CASE_SEARCH_DEBOUNCE_MS = 300

/** Moje pytania is the chief's correspondence (R1): others get the reason, not a failed list. */
export default function CasesView({ tab }: { tab: CasesTab }) {
  const { session } = useWidget()
  return (
    <MeGate>
      {(me) =>
        me.capabilities.askExpertDeniedReason === 'ONLY_OFFICE_CHIEF' ? (
          <div class="cases">
            <Sheet css={expertCss} name="expert" />
            <p class="note">{session.t('onlyChief')}</p>
          </div>
        ) : (
          <CasesList tab={tab} />
        )
      }
    </MeGate>
  )
}

/** "Zarchiwizowano 1 sprawę / 3 sprawy / 5 spraw". */
export function archivedLabel(t: ChunkT, n: number, locale: string): string {
  const rule = new Intl.PluralRules(locale).select(n)
  return t(rule === 'one' ? 'archived_one' : rule === 'few' ? 'archived_few' : 'archived_many', { n })
}

/** Moje pytania (R3, R6, R7): tabs, search and status, bulk actions with undo, load more on scroll. */
function CasesList({ tab }: { tab: CasesTab }) {
  const { session, panel } = useWidget()
  const t = useExpertT()
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<CaseStatus | ''>('')
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  /** Gmail's "select all N matching": every case the filter matches, loaded or not. */
  const [allMatching, setAllMatching] = useState(false)
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState(false)
  const [toast, setToast] = useState<ToastState | null>(null)
  const selectAll = useRef<HTMLInputElement>(null)
  const filter: CaseFilter = { q: query, status }
  const filtered = Boolean(query || status)
  const key = caseListKey(tab, filter)
  const { list, phase, sentinel, refresh, loadMore, retry } = usePagedList<CaseSummary>(
    key,
    (cursor, signal) => listCases(session.api, tab, cursor, signal, filter),
    { store: caseList(session) }
  )
  const items = list?.items ?? []
  const total = list?.total ?? null
  const failed = phase === 'error' || phase === 'moreError'

  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), CASE_SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [q])

  useEffect(() => {
    setSelected(new Set())
    setAllMatching(false)
    setActionError(false)
  }, [key])

  // New replies and status changes pushed by the event stream: the first page is read again
  // (a burst of events reloads once); checked boxes stay.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = session.live.subscribe((e) => {
      if (!e) return
      clearTimeout(timer)
      timer = setTimeout(refresh, 300)
    })
    return () => {
      off()
      clearTimeout(timer)
    }
  }, [key])

  const allChecked = items.length > 0 && items.every((i) => selected.has(i.id))
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selected.size > 0 && !allChecked
  })

  const toggle = (id: string): void => {
    setAllMatching(false)
    setSelected((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })
  }

  const act = async (action: BulkAction): Promise<void> => {
    if (busy || (!selected.size && !allMatching)) return
    setBusy(true)
    setActionError(false)
    try {
      const ids = allMatching ? await allMatchingIds(session.api, tab, filter) : items.filter((i) => selected.has(i.id)).map((i) => i.id)
      const leaving = { key, items: items.filter((i) => ids.includes(i.id)) }
      const answer = await bulkAll(session.api, action, ids)
      const { changed } = answer
      setSelected(new Set())
      setAllMatching(false)
      // The answer updates the list and the badge (state/cases.ts); nothing is read again.
      casesChanged(session, action, ids, answer)
      if (action === 'read') {
        setToast({ text: t('markedRead', { n: changed.length }) })
      } else {
        // Archive/unarchive move cases to the other tab; only archiving offers Cofnij.
        const undo =
          action === 'archive' && changed.length
            ? () => {
                void bulkAll(session.api, 'unarchive', changed).then(
                  (back) => casesChanged(session, 'unarchive', changed, back, leaving),
                  () => setActionError(true)
                )
              }
            : undefined
        setToast({
          text: action === 'archive' ? archivedLabel(t, changed.length, session.locale) : t('restoredCases', { n: changed.length }),
          ...(undo ? { undo } : {})
        })
      }
    } catch {
      setActionError(true)
    } finally {
      setBusy(false)
    }
  }

  const count = allMatching && total !== null ? total : selected.size
  const canSelectMore = allChecked && total !== null && total > items.length
  return (
    <div class="cases">
      <Sheet css={expertCss} name="expert" />
      <div class="bar">
        <div role="tablist" class="tabs">
          {(['active', 'archived'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => tab !== k && panel.replace({ name: 'cases', tab: k })}>
              {t(k === 'active' ? 'tabActive' : 'tabArchived')}
            </button>
          ))}
        </div>
        <button type="button" class="btn primary sm" onClick={() => panel.navigate({ name: 'ask' })}>
          {t('createCase')}
        </button>
      </div>
      <div class="bar filters">
        <input
          type="search"
          class="q"
          value={q}
          maxLength={200}
          placeholder={t('searchCases')}
          aria-label={t('searchCases')}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
        <select aria-label={t('statusFilter')} value={status} onChange={(e) => setStatus(e.currentTarget.value as CaseStatus | '')}>
          <option value="">{t('statusAll')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </div>
      {/* Select-all heads the list, in line with the rows' checkboxes, as in a mail client. */}
      <div class="all">
        <label>
          <input
            ref={selectAll}
            type="checkbox"
            checked={allChecked}
            disabled={!items.length}
            onChange={() => {
              setAllMatching(false)
              setSelected(allChecked ? new Set() : new Set(items.map((i) => i.id)))
            }}
          />
          {t('selectAll')}
        </label>
        {count > 0 && (
          <span class="count" aria-live="polite">
            {t('selectedCount', { n: count })}
          </span>
        )}
        {count > 0 && (
          <span class="tools">
            {tab === 'active' ? (
              <>
                <button type="button" class="btn sm" disabled={busy} onClick={() => void act('archive')}>
                  {t('archive')}
                </button>
                <button type="button" class="btn sm" disabled={busy} onClick={() => void act('read')}>
                  {t('markRead')}
                </button>
              </>
            ) : (
              <button type="button" class="btn sm" disabled={busy} onClick={() => void act('unarchive')}>
                {t('unarchive')}
              </button>
            )}
          </span>
        )}
      </div>
      {(canSelectMore || allMatching) && total !== null && (
        <p class="gmail">
          {allMatching ? t('allMatchingSelected', { n: total }) : t('pageSelected', { n: items.length })}{' '}
          {allMatching ? (
            <button
              type="button"
              class="link"
              onClick={() => {
                setAllMatching(false)
                setSelected(new Set())
              }}
            >
              {t('clearSelection')}
            </button>
          ) : (
            <button type="button" class="link" onClick={() => setAllMatching(true)}>
              {t('selectAllMatching', { n: total })}
            </button>
          )}
        </p>
      )}
      {actionError && (
        <p role="alert" class="err">
          {t('actionFailed')}
        </p>
      )}
      {phase === 'loading' && <Skeleton />}
      {failed && (
        <div role="alert">
          <p class="err">{t('casesError')}</p>
          <button type="button" class="btn" onClick={retry}>
            {t('retry')}
          </button>
        </div>
      )}
      {phase === 'ready' && !items.length && (
        <CasesEmpty
          tab={tab}
          filtered={filtered}
          onClear={() => {
            setQ('')
            setQuery('')
            setStatus('')
          }}
        />
      )}
      {items.length > 0 && (
        <ul class="list">
          {items.map((i) => (
            <CaseRow key={i.id} item={i} selected={allMatching || selected.has(i.id)} onToggle={toggle} />
          ))}
        </ul>
      )}
      <div ref={sentinel} />
      {list?.next && !failed && (
        <button type="button" class="btn more" disabled={phase === 'more'} onClick={loadMore}>
          {phase === 'more' ? t('loading') : t('showMore')}
        </button>
      )}
      <Toast toast={toast} onClose={() => setToast(null)} />
    </div>
  )
}
