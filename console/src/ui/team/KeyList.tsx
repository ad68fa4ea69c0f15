import type { TeamMember } from '@ze/contract'
import { useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { formatDateTime, locale, useT } from '../../i18n'
import { useStore } from '../../state/store'

/** An expert's API keys (newest first) with note and last use; create one (shown once) or revoke one. */
export function KeyList({ member: m, onChanged }: { member: TeamMember; onChanged: () => void }) {
  const t = useT()
  const lang = useStore(locale)
  const [note, setNote] = useState('')
  const [created, setCreated] = useState<{ key: string; note: string } | null>(null)
  const [failed, setFailed] = useState(false)
  const run = async (work: () => Promise<void>) => {
    setFailed(false)
    try {
      await work()
      onChanged()
    } catch {
      setFailed(true)
    }
  }
  const create = (e: Event) => {
    e.preventDefault()
    void run(async () => {
      const res = await admin.createKey(m.id, note.trim())
      setCreated({ key: res.key, note: res.info.note })
      setNote('')
    })
  }
  const titleId = `keys-${m.id}`
  return (
    <section class="keys-of" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('apiKeys')}</h3>
      {m.keys.length === 0 ? (
        <p class="muted">{t('noKeys')}</p>
      ) : (
        <ul class="key-list">
          {m.keys.map((k) => (
            <li key={k.id} class={k.revokedAt ? 'revoked' : undefined}>
              <code>{k.prefix}…</code> <strong>{k.note || '—'}</strong>{' '}
              <span class="muted">
                {t('keyCreated', { date: formatDateTime(k.createdAt, lang) })} ·{' '}
                {k.lastUsedAt ? t('keyLastUsed', { date: formatDateTime(k.lastUsedAt, lang) }) : t('keyNeverUsed')}
                {k.revokedAt && <> · {t('keyRevokedAt', { date: formatDateTime(k.revokedAt, lang) })}</>}
              </span>{' '}
              {!k.revokedAt && (
                <button
                  type="button"
                  aria-label={t('revokeKey', { prefix: k.prefix })}
                  onClick={() => void run(async () => void (await admin.revokeKey(m.id, k.id)))}
                >
                  {t('revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {created && (
        <div class="new-key" role="status">
          <p>{t('newKeyShown', { note: created.note })}</p>
          <code class="secret">{created.key}</code>
        </div>
      )}
      <form class="key-form" onSubmit={create}>
        <label>
          {t('keyNote')} <input required maxLength={200} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('createKey')}</button>
      </form>
      {failed && <p role="alert">{t('actionFailed')}</p>}
    </section>
  )
}
