import { useState } from 'preact/hooks'
import type { Message } from '../../api/types'
import { formatBytes } from '../../i18n'
import { useWidget } from '../context'
import { formatDate } from '../format'
import { downloadAttachment } from './download'

export function MessageItem({ m }: { m: Message }) {
  const { session } = useWidget()
  const { t, locale } = session
  const [failed, setFailed] = useState(false)
  const who = m.author.kind === 'chief' ? t('you')
    : m.author.kind === 'expert' ? `${m.author.name} · ${t('expert')}` : t('system')
  return (
    <li class={`msg ${m.author.kind}`} data-author={m.author.kind}>
      <p class="who">
        <b>{who}</b> <time dateTime={m.createdAt}>{formatDate(m.createdAt, locale)}</time>
      </p>
      <div class="text">{m.body}</div>
      {m.attachments.length > 0 && (
        <ul class="atts">
          {m.attachments.map(a => (
            <li key={a.id}>
              <button
                type="button"
                class="link"
                onClick={e => {
                  setFailed(false)
                  downloadAttachment(session.api, a.id, a.filename, e.currentTarget).catch(() => setFailed(true))
                }}
              >
                {t('download', { name: a.filename })}
              </button>{' '}
              <span class="hint">{formatBytes(a.size, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      {failed && <p role="alert" class="err">{t('genericError')}</p>}
    </li>
  )
}
