import { useWidget } from '../context'

/** An error that may go away: the message plus a retry button. */
export function Failed({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { session } = useWidget()
  return (
    <div role="alert" class="failed">
      <p class="err">{message}</p>
      {onRetry && (
        <button type="button" class="btn" onClick={onRetry}>
          {session.t('retry')}
        </button>
      )}
    </div>
  )
}
