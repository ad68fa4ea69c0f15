import type { AdminCase, AdminCasePatch, AdminExpertList, ExpertProfile } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { useT } from '../../i18n'

let expertsCache: Promise<AdminExpertList> | null = null
const loadExperts = () =>
  (expertsCache ??= admin.experts().catch((err: unknown) => {
    expertsCache = null
    throw err
  }))

/** "Przypisz do mnie", the assignee picker and "Rozwiąż" / "Otwórz ponownie". */
export function CaseActions({ c, me, onPatch }: { c: AdminCase; me: ExpertProfile; onPatch: (patch: AdminCasePatch) => Promise<void> }) {
  const t = useT()
  const [experts, setExperts] = useState<AdminExpertList['items']>([])
  useEffect(() => {
    loadExperts().then(
      (list) => setExperts(list.items),
      () => undefined
    )
  }, [])
  const options = c.assignee && !experts.some((e) => e.id === c.assignee!.id) ? [...experts, c.assignee] : experts
  return (
    <div class="actions" role="group" aria-label={t('actions')}>
      <button type="button" disabled={c.assignee?.id === me.id} onClick={() => void onPatch({ assignee: me.id })}>
        {t('assignToMe')}
      </button>
      <label>
        {t('assignee')}{' '}
        <select value={c.assignee?.id ?? ''} onChange={(e) => void onPatch({ assignee: e.currentTarget.value || null })}>
          <option value="">{t('nobody')}</option>
          {options.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      {c.status === 'resolved' ? (
        <button type="button" onClick={() => void onPatch({ status: 'open' })}>
          {t('reopen')}
        </button>
      ) : (
        <button type="button" onClick={() => void onPatch({ status: 'resolved' })}>
          {t('resolve')}
        </button>
      )}
    </div>
  )
}
