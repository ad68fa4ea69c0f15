import { useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { ApiError } from '../../api/client'
import { useT, type Locale } from '../../i18n'

type Phase = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; email: string } | { kind: 'error'; message: 'emailTaken' | 'actionFailed' }

/** Invites an expert: the service creates them and mails a sign-in link. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const t = useT()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [isAdmin, setIsAdmin] = useState(false)
  const [lang, setLang] = useState<Locale>('pl')
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const submit = async (e: Event) => {
    e.preventDefault()
    setPhase({ kind: 'sending' })
    try {
      const m = await admin.invite({ name: name.trim(), email: email.trim(), admin: isAdmin, locale: lang })
      setPhase({ kind: 'sent', email: m.email })
      setName('')
      setEmail('')
      setIsAdmin(false)
      onInvited()
    } catch (err) {
      setPhase({ kind: 'error', message: err instanceof ApiError && err.code === 'EXPERT_EMAIL_TAKEN' ? 'emailTaken' : 'actionFailed' })
    }
  }
  return (
    <form class="invite" aria-labelledby="invite-title" onSubmit={(e) => void submit(e)}>
      <h2 id="invite-title">{t('inviteTitle')}</h2>
      <p class="muted">{t('inviteHint')}</p>
      <div class="fields">
        <label>
          {t('personName')}
          <input required maxLength={120} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('email')}
          <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {t('language')}
          <select value={lang} onChange={(e) => setLang(e.currentTarget.value as Locale)}>
            <option value="pl">Polski</option>
            <option value="en">English</option>
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.currentTarget.checked)} /> {t('makeAdmin')}
        </label>
        <button type="submit" class="primary" disabled={phase.kind === 'sending'}>
          {t('invite')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {phase.kind === 'sent' && <p>{t('invited', { email: phase.email })}</p>}
      </div>
      {phase.kind === 'error' && <p role="alert">{t(phase.message)}</p>}
    </form>
  )
}
