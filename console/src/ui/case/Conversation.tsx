import type { AdminMessage, Attachment } from '@ze/contract'
import { attachmentUrl } from '../../api/admin'
import { formatDateTime, locale, useT } from '../../i18n'
import { useStore } from '../../state/store'

const isImage = (a: Attachment) => /^image\/(png|jpeg|gif|webp)$/.test(a.contentType)

function Files({ files }: { files: Attachment[] }) {
  const t = useT()
  if (files.length === 0) return null
  return (
    <ul class="files">
      {files.map((a) => (
        <li key={a.id}>
          {isImage(a) && (
            <a href={attachmentUrl(a.id)} target="_blank" rel="noopener">
              <img class="preview" src={attachmentUrl(a.id)} alt={a.filename} loading="lazy" />
            </a>
          )}
          <a href={attachmentUrl(a.id)} download={a.filename} aria-label={t('download', { name: a.filename })}>
            {a.filename}
          </a>{' '}
          <span class="muted">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
        </li>
      ))}
    </ul>
  )
}

/**
 * The whole case, oldest first; internal notes are set apart and say so in words. With
 * `onCreateArticle` (admin experts), each public expert answer offers "Utwórz artykuł z odpowiedzi".
 */
export function Conversation({
  messages,
  highlight,
  onCreateArticle
}: {
  messages: AdminMessage[]
  highlight: string | null
  onCreateArticle?: (messageId: string) => void
}) {
  const t = useT()
  const l = useStore(locale)
  return (
    <ol class="conversation" aria-label={t('conversation')}>
      {messages.map((m) => (
        <li key={m.id} id={`msg-${m.id}`} tabIndex={-1} class={`msg msg-${m.author.kind}${m.internal ? ' note' : ''}${m.id === highlight ? ' highlight' : ''}`}>
          <article aria-label={m.internal ? `${t('internalNote')}: ${m.author.name}` : m.author.name}>
            <header>
              <strong>{m.author.name}</strong>
              {m.internal && <span class="badge-note">{t('internalNote')}</span>} <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, l)}</time>
            </header>
            <p class="body">{m.body}</p>
            <Files files={m.attachments} />
            {onCreateArticle && m.author.kind === 'expert' && !m.internal && (
              <button type="button" class="link small" onClick={() => onCreateArticle(m.id)}>
                {t('kbFromAnswer')}
              </button>
            )}
          </article>
        </li>
      ))}
    </ol>
  )
}
