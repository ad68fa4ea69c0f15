import type { AdminOfficeList } from '@ze/contract'
import { useT } from '../i18n'

/** "Biuro" filter (queue, Dziennik): every office that has cases, or all of them. */
export function OfficeSelect({ offices, value, onChange }: { offices: AdminOfficeList['items']; value: string; onChange: (id: string) => void }) {
  const t = useT()
  return (
    <label>
      {t('office')}{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('allOffices')}</option>
        {offices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  )
}
