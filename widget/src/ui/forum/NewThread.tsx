import { useRef, useState } from 'preact/hooks'
import { createThread } from '../../api/content'
import type { Session } from '../../state/session'
import { useContentT } from '../content/i18n'
import { useWidget } from '../context'
import { postError } from './postError'
import { FORUM_BODY_MAX } from './ReplyForm'

export const FORUM_TITLE_MAX = 200

/** An unsent thread survives leaving the form and coming back (not a reload). */
const drafts = new WeakMap<Session, { title: string; body: string }>()

export function NewThread({ title: carried }: { title?: string | undefined }) {
  const { session, panel } = useWidget()
  const t = useContentT()
  const saved = drafts.get(session)
  const initial = { title: saved?.title || carried || '', body: saved?.body ?? '' }
  const [title, setTitle] = useState(initial.title)
  const [body, setBody] = useState(initial.body)
  const [missing, setMissing] = useState<{ title: boolean; body: boolean }>({ title: false, body: false })
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const titleRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  drafts.set(session, { title, body })

  const submit = (e: Event): void => {
    e.preventDefault()
    if (sending) return
    const m = { title: !title.trim(), body: !body.trim() }
    setMissing(m)
    if (m.title) {
      titleRef.current?.focus()
      return
    }
    if (m.body) {
      bodyRef.current?.focus()
      return
    }
    setSending(true)
    setError(null)
    createThread(session.api, title.trim(), body.trim()).then(
      (r) => {
        drafts.delete(session)
        // Replace the form with the new thread: Back then leads to the list, not the form.
        panel.replace({ name: 'thread', id: r.thread.id })
      },
      (err) => {
        setSending(false)
        setError(postError(t, err))
      }
    )
  }

  return (
    <form class="form" onSubmit={submit} noValidate aria-labelledby="ze-new-thread">
      <h3 id="ze-new-thread" class="sub">
        {t('newThread')}
      </h3>
      <div class="field">
        <label for="ze-thread-title-in">{t('threadTitle')}</label>
        <input
          ref={titleRef}
          id="ze-thread-title-in"
          type="text"
          value={title}
          maxLength={FORUM_TITLE_MAX}
          readOnly={sending}
          aria-invalid={missing.title}
          aria-describedby={missing.title ? 'ze-thread-title-err' : undefined}
          onInput={(e) => {
            setTitle(e.currentTarget.value)
            setMissing((m) => ({ ...m, title: false }))
          }}
        />
        {missing.title && (
          <p id="ze-thread-title-err" class="err">
            {t('titleRequired')}
          </p>
        )}
      </div>
      <div class="field">
        <label for="ze-thread-body-in">{t('threadBody')}</label>
        <textarea
          ref={bodyRef}
          id="ze-thread-body-in"
          rows={7}
          value={body}
          maxLength={FORUM_BODY_MAX}
          readOnly={sending}
          aria-invalid={missing.body}
          aria-describedby={missing.body ? 'ze-thread-body-err ze-thread-hint' : 'ze-thread-hint'}
          onInput={(e) => {
            setBody(e.currentTarget.value)
            setMissing((m) => ({ ...m, body: false }))
          }}
        />
        <p id="ze-thread-hint" class="hint">
          {t('plainTextHint')}
        </p>
        {missing.body && (
          <p id="ze-thread-body-err" class="err">
            {t('bodyRequired')}
          </p>
        )}
      </div>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="btn primary" disabled={sending}>
          {sending ? t('sending') : t('publish')}
        </button>
        <button
          type="button"
          class="btn"
          onClick={() => {
            drafts.delete(session)
            panel.back()
          }}
        >
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
