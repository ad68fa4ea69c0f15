import { useState } from 'preact/hooks'
import { replyToThread } from '../../api/content'
import type { Post } from '../../api/types'
import { useContentT } from '../content/i18n'
import { useWidget } from '../context'
import { postError } from './postError'

export const FORUM_BODY_MAX = 10_000

export function ReplyForm({ threadId, onPosted }: { threadId: string; onPosted: (post: Post) => void }) {
  const { session } = useWidget()
  const t = useContentT()
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = (e: Event): void => {
    e.preventDefault()
    const body = text.trim()
    if (sending) return
    if (!body) {
      setError(t('bodyRequired'))
      return
    }
    setSending(true)
    setError(null)
    replyToThread(session.api, threadId, body).then(
      (r) => {
        setSending(false)
        setText('')
        onPosted(r.post)
      },
      (err) => {
        setSending(false)
        setError(postError(t, err))
      }
    )
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <div class="field">
        <label for="ze-forum-reply">{t('yourReply')}</label>
        <textarea
          id="ze-forum-reply"
          rows={3}
          value={text}
          maxLength={FORUM_BODY_MAX}
          readOnly={sending}
          aria-invalid={error === t('bodyRequired')}
          aria-describedby={error ? 'ze-forum-reply-err' : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value)
            if (error === t('bodyRequired')) setError(null)
          }}
        />
      </div>
      {error && (
        <p id="ze-forum-reply-err" class="err" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="btn primary" disabled={sending}>
          {sending ? t('sending') : t('sendReply')}
        </button>
      </div>
    </form>
  )
}
