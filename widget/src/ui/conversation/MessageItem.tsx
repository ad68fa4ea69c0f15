import type { Message } from '../../api/types'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { Attachments } from './Attachments'
import { linkify } from './linkify'
import { relativeTime } from './time'

/**
 * Message text with web addresses as links (new tab) and `[title](article:slug)` as links
 * that open the article inside the panel (Back returns to the conversation); everything
 * else stays plain text.
 */
export function LinkedText({ text }: { text: string }) {
  const { panel } = useWidget()
  return (
    <div class="text">
      {linkify(text).map((p, i) => {
        if (typeof p === 'string') return p
        if ('article' in p) {
          const open = (e: Event): void => {
            // The host page's URL must not change: the link is only for the panel.
            e.preventDefault()
            panel.navigate({ name: 'article', slug: p.article })
          }
          return (
            <a key={i} href={`#article/${p.article}`} data-article={p.article} onClick={open}>
              {p.text}
            </a>
          )
        }
        return (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
            {p.text}
          </a>
        )
      })}
    </div>
  )
}

export function MessageItem({ m, now, first }: { m: Message; now: Date; first?: boolean }) {
  const { session } = useWidget()
  const { locale } = session
  const t = useExpertT()
  const et = useExpertT()
  const who = m.author.kind === 'chief' ? t('you') : m.author.kind === 'expert' ? `${m.author.name} · ${t('expert')}` : t('system')
  return (
    <li class={`msg ${m.author.kind}`} data-author={m.author.kind} data-first-unread={first || undefined}>
      <p class="who">
        <b>{who}</b>{' '}
        <time dateTime={m.createdAt} title={new Date(m.createdAt).toLocaleString(locale === 'en' ? 'en-GB' : 'pl-PL')}>
          {relativeTime(m.createdAt, now, locale, et)}
        </time>
      </p>
      <LinkedText text={m.body} />
      <Attachments items={m.attachments} />
    </li>
  )
}
