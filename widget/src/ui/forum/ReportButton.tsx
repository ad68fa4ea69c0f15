import { useState } from 'preact/hooks'
import { reportPost } from '../../api/content'
import { ApiError } from '../../api/errors'
import { useContentT } from '../content/i18n'
import { useWidget } from '../context'

const REASON_MIN = 3

/** "Zgłoś": asks the experts to look at a reply or a question; they see the reason and the role, not who. */
export function ReportButton({ target, id }: { target: 'posts' | 'threads'; id: string }) {
  const { session } = useWidget()
  const t = useContentT()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle')
  const [error, setError] = useState<string | null>(null)
  if (state === 'done')
    return (
      <p class="muted" role="status">
        {t('reported')}
      </p>
    )
  if (!open)
    return (
      <button type="button" class="report" onClick={() => setOpen(true)}>
        {t('report')}
      </button>
    )
  const submit = (e: Event): void => {
    e.preventDefault()
    if (state === 'sending') return
    if (reason.trim().length < REASON_MIN) {
      setError(t('reportTooShort'))
      return
    }
    setState('sending')
    setError(null)
    reportPost(session.api, target, id, reason.trim()).then(
      () => setState('done'),
      (err) => {
        setState('idle')
        setError(err instanceof ApiError && err.code === 'RATE_LIMITED' ? t('rateLimitedSoon') : t('reportFailed'))
      }
    )
  }
  const field = `ze-report-${id}`
  return (
    <form class="form report-form" onSubmit={submit}>
      <div class="field">
        <label for={field}>{t('reportReason')}</label>
        <input
          id={field}
          maxLength={500}
          value={reason}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="btn sm" disabled={state === 'sending'}>
          {t('reportSend')}
        </button>
        <button type="button" class="btn sm" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
