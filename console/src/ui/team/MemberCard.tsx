import type { TeamMember, TeamMemberPatch } from '@ze/contract'
import { useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { ApiError } from '../../api/client'
import { useT } from '../../i18n'
import { KeyList } from './KeyList'

/** One expert: role, activation, language and e-mail choice, the actions on them, and their API keys. */
export function MemberCard({
  member: m,
  self,
  onChange,
  onKeysChanged
}: {
  member: TeamMember
  self: boolean
  onChange: (m: TeamMember) => void
  onKeysChanged: () => void
}) {
  const t = useT()
  const [message, setMessage] = useState<{ alert: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const headingId = `member-${m.id}`

  const update = async (patch: TeamMemberPatch) => {
    setBusy(true)
    setMessage(null)
    try {
      onChange(await admin.updateMember(m.id, patch))
    } catch (err) {
      setMessage({ alert: true, text: t(err instanceof ApiError && err.code === 'LAST_ADMIN' ? 'lastAdmin' : 'actionFailed') })
    } finally {
      setBusy(false)
    }
  }
  const reinvite = async () => {
    try {
      await admin.reinvite(m.id)
      setMessage({ alert: false, text: t('reinvited') })
    } catch {
      setMessage({ alert: true, text: t('actionFailed') })
    }
  }

  return (
    <li class={m.active ? 'member' : 'member inactive'} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {m.name} {self && <span class="muted">{t('you')}</span>}
      </h2>
      <p class="member-meta">
        <span>{m.email}</span>
        <span class={m.admin ? 'tag tag-admin' : 'tag'}>{t(m.admin ? 'roleAdmin' : 'roleExpert')}</span>
        <span class={m.active ? 'tag tag-active' : 'tag tag-inactive'}>{t(m.active ? 'active' : 'inactive')}</span>
        <span class="muted">
          {t(`notify_${m.newCases}`)} · {t('memberLanguage', { lang: m.locale === 'en' ? 'English' : 'polski' })}
        </span>
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void update({ admin: !m.admin })}>
          {t(m.admin ? 'revokeAdmin' : 'grantAdmin')}
        </button>
        <button type="button" disabled={busy} onClick={() => void update({ active: !m.active })}>
          {t(m.active ? 'deactivate' : 'reactivate')}
        </button>
        {m.active && (
          <button type="button" class="link" onClick={() => void reinvite()}>
            {t('reinvite')}
          </button>
        )}
      </div>
      {message && (message.alert ? <p role="alert">{message.text}</p> : <p role="status">{message.text}</p>)}
      <KeyList member={m} onChanged={onKeysChanged} />
    </li>
  )
}
