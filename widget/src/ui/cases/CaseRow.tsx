import type { CaseSummary } from '../../api/types'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { formatDate } from '../format'

interface Props {
  item: CaseSummary
  selected: boolean
  onToggle: (id: string) => void
}

export function CaseRow({ item, selected, onToggle }: Props) {
  const { session, panel } = useWidget()
  const { locale } = session
  const t = useExpertT()
  return (
    <li class={item.unread ? 'case unread' : 'case'} data-case-id={item.id}>
      <input type="checkbox" checked={selected} aria-label={t('selectCase', { n: item.number })} onChange={() => onToggle(item.id)} />
      <button type="button" class="open" onClick={() => panel.navigate({ name: 'case', caseId: item.id })}>
        <span class="line">
          <span class="num">#{item.number}</span>
          <span class="subj">{item.subject}</span>
          {item.unread && (
            <span class="dot" data-unread="true">
              <span class="sr">{t('unread')}</span>
            </span>
          )}
        </span>
        {item.lastPreview && (
          <span class="pv">
            <b>{t('lastBy', { name: item.lastActivityBy === 'chief' ? t('you') : (item.lastAuthorName ?? t('expert')) })}</b> {item.lastPreview}
          </span>
        )}
        <span class="meta">
          <span class={`status s-${item.status}`}>{t(`status_${item.status}`)}</span>
          <span>{item.accountLabel}</span>
          <time dateTime={item.lastActivityAt}>{formatDate(item.lastActivityAt, locale)}</time>
        </span>
      </button>
    </li>
  )
}
