import { useEffect, useState } from 'preact/hooks'
import { listCases, type CasesTab } from '../../api/cases'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'

/**
 * Empty states that fit: nothing matches the filters; no active case but some archived; no
 * case at all (with the way to ask). The archive is counted only when the active list is empty.
 */
export function CasesEmpty({ tab, filtered, onClear }: { tab: CasesTab; filtered: boolean; onClear: () => void }) {
  const { session, panel } = useWidget()
  const t = useExpertT()
  const [archived, setArchived] = useState<number | null>(null)
  useEffect(() => {
    if (tab !== 'active' || filtered) return
    const ctrl = new AbortController()
    listCases(session.api, 'archived', null, ctrl.signal, {}, 1).then(
      (p) => setArchived(p.total ?? p.items.length),
      () => setArchived(0)
    )
    return () => ctrl.abort()
  }, [tab, filtered])

  if (filtered) {
    return (
      <div class="empty">
        <p>{t('emptyFiltered')}</p>
        <button type="button" class="btn sm" onClick={onClear}>
          {t('clearFilters')}
        </button>
      </div>
    )
  }
  if (tab === 'archived') return <p class="note">{t('casesEmptyArchived')}</p>
  if (archived === null) return null
  if (archived > 0) {
    return (
      <div class="empty">
        <p>{t('emptyOnlyArchived', { n: archived })}</p>
        <button type="button" class="btn sm" onClick={() => panel.replace({ name: 'cases', tab: 'archived' })}>
          {t('showArchived')}
        </button>
      </div>
    )
  }
  return (
    <div class="empty">
      <p>{t('emptyNoCases')}</p>
      <button type="button" class="btn primary sm" onClick={() => panel.navigate({ name: 'ask' })}>
        {t('createCase')}
      </button>
    </div>
  )
}
