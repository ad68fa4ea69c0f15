import { useState } from 'preact/hooks'
import { admin } from '../api/admin'
import { ApiError } from '../api/client'
import { useT } from '../i18n'

type Phase = 'idle' | 'sending' | 'sent' | 'rate-limited' | 'failed'

/**
 * "Zaloguj się": an e-mail address gets a single-use link. The answer is the same whether
 * or not the address belongs to an expert (the service answers 202 either way).
 */
export default function SignIn({ linkInvalid, ended = false }: { linkInvalid: boolean; ended?: boolean }) {
  const t = useT()
  const [email, setEmail] = useState('')
  const [phase, setPhase] = useState<Phase>('idle')
  const submit = async (e: Event) => {
    e.preventDefault()
    setPhase('sending')
    try {
      await admin.requestLink(email.trim())
      setPhase('sent')
    } catch (err) {
      // A malformed address gets the same answer as an unknown one: nothing to learn from it.
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') setPhase('sent')
      else setPhase(err instanceof ApiError && err.code === 'RATE_LIMITED' ? 'rate-limited' : 'failed')
    }
  }
  return (
    <main id="main" class="signin">
      <h1>{t('signInTitle')}</h1>
      {linkInvalid && phase === 'idle' && <p role="alert">{t('linkInvalid')}</p>}
      {ended && !linkInvalid && phase === 'idle' && <p role="alert">{t('sessionEnded')}</p>}
      <p>{t('signInIntro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label for="signin-email">{t('email')}</label>
        <input id="signin-email" type="email" autoComplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <button type="submit" disabled={phase === 'sending'}>
          {t('sendLink')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {phase === 'sent' && <p>{t('linkSent')}</p>}
      </div>
      {(phase === 'failed' || phase === 'rate-limited') && <p role="alert">{t(phase === 'failed' ? 'sendFailed' : 'rateLimited')}</p>}
    </main>
  )
}
