import type { SavedReply } from '@ze/contract'
import { useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { ApiError } from '../../api/client'
import { useT } from '../../i18n'

const splitTags = (s: string) => [
  ...new Set(
    s
      .split(',')
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean)
  )
]

/** Create or edit one saved reply; `canShare`: an admin expert may make it shared. */
export function SavedReplyForm({
  editing,
  canShare,
  onSaved,
  onCancel
}: {
  editing: SavedReply | null
  canShare: boolean
  onSaved: () => void
  onCancel: () => void
}) {
  const t = useT()
  const [title, setTitle] = useState(editing?.title ?? '')
  const [body, setBody] = useState(editing?.body ?? '')
  const [tags, setTags] = useState(editing?.tags.join(', ') ?? '')
  const [scope, setScope] = useState<'shared' | 'personal'>(editing?.scope ?? 'personal')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setSaving(true)
    setError(null)
    try {
      const fields = { title: title.trim(), body, tags: splitTags(tags) }
      if (editing) await admin.updateSavedReply(editing.id, fields)
      else await admin.createSavedReply({ ...fields, scope })
      onSaved()
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'ADMIN_ROLE_REQUIRED'
          ? t('replyAdminOnly')
          : err instanceof ApiError && err.code === 'VALIDATION_FAILED'
            ? t('replyInvalid')
            : t('actionFailed')
      )
    } finally {
      setSaving(false)
    }
  }
  return (
    <form class="reply-form" aria-labelledby="reply-form-title" onSubmit={(e) => void submit(e)}>
      <h2 id="reply-form-title">{t(editing ? 'replyEdit' : 'replyNew')}</h2>
      {!editing && (
        <fieldset class="mode">
          <legend>{t('replyScope')}</legend>
          <label>
            <input type="radio" name="reply-scope" checked={scope === 'personal'} onChange={() => setScope('personal')} /> {t('replyPersonal')}
          </label>
          {canShare && (
            <label>
              <input type="radio" name="reply-scope" checked={scope === 'shared'} onChange={() => setScope('shared')} /> {t('replyShared')}
            </label>
          )}
        </fieldset>
      )}
      <label for="reply-title">{t('replyTitle')}</label>
      <input id="reply-title" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      <label for="reply-body">{t('replyText')}</label>
      <textarea
        id="reply-body"
        required
        rows={7}
        maxLength={10_000}
        value={body}
        aria-describedby="reply-vars"
        onInput={(e) => setBody(e.currentTarget.value)}
      />
      <p id="reply-vars" class="muted">
        {t('replyVariables')} <code>{'{{imie}}'}</code> <code>{'{{biuro}}'}</code> <code>{'{{numer}}'}</code> <code>{'{{ekspert}}'}</code>
      </p>
      <label for="reply-tags">{t('replyTags')}</label>
      <input id="reply-tags" value={tags} aria-describedby="reply-tags-hint" onInput={(e) => setTags(e.currentTarget.value)} />
      <span id="reply-tags-hint" class="muted">
        {t('replyTagsHint')}
      </span>
      {error && <p role="alert">{error}</p>}
      <div class="send">
        <button type="submit" class="primary" disabled={saving}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
