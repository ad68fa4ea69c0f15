import type { AdminCase, ExpertProfile } from '@ze/contract'
import { useT, waitingWords } from '../../i18n'
import { accountLabelKey } from '../../state/queue'
import { PresenceLine } from '../PresenceLine'

/** One case in the queue; the subject is the link (Enter or click opens the case). */
export function QueueRow({ item: c, me, selected, onFocus }: { item: AdminCase; me: ExpertProfile; selected: boolean; onFocus: () => void }) {
  const t = useT()
  const waiting = c.status === 'open' ? waitingWords(t, Date.now() - Date.parse(c.lastActivityAt)) : null
  return (
    <li class={selected ? 'row selected' : 'row'} aria-current={selected ? 'true' : undefined}>
      <span class="num">#{c.number}</span>
      {c.expertUnread && (
        <span class="unread" title={t('unread')}>
          <span class="sr">{t('unread')}</span>
        </span>
      )}
      <a class="subject" href={`#/case/${encodeURIComponent(c.id)}`} onFocus={onFocus}>
        {c.subject}
      </a>
      <span class="office">{c.office.name}</span>
      <span class="account">{t(accountLabelKey(c), { name: c.account.name })}</span>
      <span class={`status status-${c.status}`}>{t(`status_${c.status}`)}</span>
      {waiting && <span class="waiting">{waiting}</span>}
      <span class="assignee">{c.assignee ? t('assignedTo', { name: c.assignee.id === me.id ? me.name : c.assignee.name }) : t('unassigned')}</span>
      <PresenceLine caseId={c.id} />
    </li>
  )
}
