import type { ExpertProfile, SavedReply } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { useT } from '../../i18n'
import { loadSavedReplies, matchesQuery, savedReplies } from '../../state/saved-replies'
import { useStore } from '../../state/store'
import { SavedReplyForm } from './SavedReplyForm'

type Editing = { reply: SavedReply | null } | null

/** "Gotowe odpowiedzi": shared ones (admin experts change them) and this expert's personal ones. */
export default function SavedRepliesPage({ me }: { me: ExpertProfile }) {
  const t = useT()
  const list = useStore(savedReplies)
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<Editing>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => void loadSavedReplies(true), [])

  const canChange = (r: SavedReply) => (r.scope === 'shared' ? me.admin : r.owner?.id === me.id)
  const remove = async (r: SavedReply) => {
    if (!confirm(t('replyDeleteConfirm', { title: r.title }))) return
    setFailed(false)
    try {
      await admin.deleteSavedReply(r.id)
      await loadSavedReplies(true)
    } catch {
      setFailed(true)
    }
  }
  const items = list.status === 'ready' ? list.items.filter((r) => matchesQuery(r, query)) : []
  const section = (scope: 'shared' | 'personal') => {
    const rows = items.filter((r) => r.scope === scope)
    return (
      <section aria-labelledby={`replies-${scope}`}>
        <h2 id={`replies-${scope}`}>{t(scope === 'shared' ? 'repliesShared' : 'repliesPersonal')}</h2>
        {rows.length === 0 ? (
          <p class="muted">{t('repliesNone')}</p>
        ) : (
          <ul class="reply-rows">
            {rows.map((r) => (
              <li key={r.id}>
                <div class="reply-head">
                  <strong>{r.title}</strong>
                  {r.tags.map((tag) => (
                    <span key={tag} class="tag">
                      #{tag}
                    </span>
                  ))}
                  <span class="spacer" />
                  {canChange(r) && (
                    <>
                      <button type="button" onClick={() => setEditing({ reply: r })} aria-label={t('replyEditNamed', { title: r.title })}>
                        {t('edit')}
                      </button>
                      <button type="button" onClick={() => void remove(r)} aria-label={t('replyDeleteNamed', { title: r.title })}>
                        {t('delete')}
                      </button>
                    </>
                  )}
                </div>
                <p class="body">{r.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    )
  }
  return (
    <section class="replies" aria-labelledby="replies-title">
      <h1 id="replies-title">{t('savedReplies')}</h1>
      <p class="muted">{t(me.admin ? 'repliesIntroAdmin' : 'repliesIntro')}</p>
      <div class="filters">
        <input type="search" aria-label={t('repliesSearch')} placeholder={t('repliesSearch')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button type="button" class="primary" onClick={() => setEditing({ reply: null })}>
          {t('replyNew')}
        </button>
      </div>
      {editing && (
        <SavedReplyForm
          key={editing.reply?.id ?? 'new'}
          editing={editing.reply}
          canShare={me.admin}
          onSaved={() => {
            setEditing(null)
            void loadSavedReplies(true)
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {failed && <p role="alert">{t('actionFailed')}</p>}
      {list.status === 'failed' && <p role="alert">{t('loadFailed')}</p>}
      {list.status === 'loading' && (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
      {list.status === 'ready' && (
        <>
          {section('shared')}
          {section('personal')}
        </>
      )}
    </section>
  )
}
