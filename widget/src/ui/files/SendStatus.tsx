import { useEffect } from 'preact/hooks'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { explainProblem } from './problemMessage'
import type { SendPhase } from './useSend'

interface Props {
  phase: SendPhase
  onRetry: () => void
  onCancel: () => void
  maxFiles: number
  /** Seconds until a 429 lets the user send again; set from the failure. */
  wait: number
  setWait: (s: number) => void
  /** A file the service refused: the file list marks it with "Usuń". */
  onRefusedFile?: (name: string | undefined) => void
}

/** Progress in percent with "Anuluj" while uploading; after a failure, why in plain Polish and the next step. */
export function SendStatus({ phase, onRetry, onCancel, maxFiles, wait, setWait, onRefusedFile }: Props) {
  const { session } = useWidget()
  const et = useExpertT()
  const failed = phase.s === 'failed' ? explainProblem(phase.error, et, session.locale, maxFiles) : null
  useEffect(() => {
    onRefusedFile?.(failed?.file)
    if (failed?.waitSeconds) setWait(failed.waitSeconds)
  }, [phase])
  if (phase.s === 'sending') {
    const pct = Math.round(phase.progress * 100)
    return (
      <div class="sending">
        <progress class="progress" max={100} value={pct} aria-label={et('uploadProgress')} />
        <span aria-live="polite">{et('uploadPct', { pct })}</span>
        <button type="button" class="btn sm" onClick={onCancel}>
          {et('cancel')}
        </button>
      </div>
    )
  }
  if (!failed) return null
  const text = failed.waitSeconds && wait > 0 ? et('err_RATE_LIMITED', { s: wait }) : failed.text
  return (
    <div role="alert" class="failed">
      <p class="err">{failed.waitSeconds ? text : `${et('sendFailed')} ${text}`}</p>
      {failed.retry && (
        <button type="button" class="btn sm" onClick={onRetry}>
          {et('retry')}
        </button>
      )}
    </div>
  )
}
