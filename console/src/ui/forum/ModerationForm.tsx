import { useState } from 'preact/hooks'
import { useT } from '../../i18n'

const REASON_MIN = 3

/** Hide or show again: the reason is required (kept with the post and in the audit log). */
export function ModerationForm({
  hidden,
  what,
  thread = false,
  onDone
}: {
  hidden: boolean
  what: string
  thread?: boolean
  onDone: (reason: string) => Promise<void>
}) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const action = thread ? (hidden ? t('forumUnhideThread') : t('forumHideThread')) : hidden ? t('forumUnhide') : t('forumHide')
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={`${action}: ${what}`}>
        {action}
      </button>
    )
  const valid = reason.trim().length >= REASON_MIN
  return (
    <form
      class="moderation-form"
      aria-label={`${action}: ${what}`}
      onSubmit={async (e) => {
        e.preventDefault()
        if (!valid) return
        setBusy(true)
        setFailed(false)
        try {
          await onDone(reason.trim())
          setOpen(false)
          setReason('')
        } catch {
          setFailed(true)
        } finally {
          setBusy(false)
        }
      }}
    >
      <label>
        {t('forumReason')}{' '}
        <input required minLength={REASON_MIN} maxLength={500} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="primary" disabled={!valid || busy}>
        {action}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
      {failed && <span role="alert">{t('actionFailed')}</span>}
    </form>
  )
}
