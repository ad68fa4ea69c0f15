import { ApiError } from '../../api/errors'
import { useWidget } from '../context'
import type { SendPhase } from './useSend'

/** Progress while uploading; after a failure, what went wrong and a retry that reuses text and files. */
export function SendStatus({ phase, onRetry }: { phase: SendPhase; onRetry: () => void }) {
  const { t } = useWidget().session
  if (phase.s === 'sending') {
    return <progress class="progress" max={1} value={phase.progress} aria-label={t('uploadProgress')} />
  }
  if (phase.s !== 'failed') return null
  const e = phase.error
  const why = e instanceof ApiError && e.code === 'ONLY_OFFICE_CHIEF' ? t('onlyChief')
    : e instanceof ApiError && e.status >= 400 && e.status < 500 && e.message ? e.message : ''
  return (
    <div role="alert" class="failed">
      <p class="err">{t('sendFailed')}{why ? ` ${why}` : ''}</p>
      <button type="button" class="btn" onClick={onRetry}>{t('retry')}</button>
    </div>
  )
}
