import type { AdminReport, AdminThreadDetail } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { forum } from '../../api/forum'
import { formatDateTime, locale, useT } from '../../i18n'
import { useStore } from '../../state/store'
import { ModerationForm } from './ModerationForm'

type Detail = AdminThreadDetail
type Moderation = Detail['thread']['moderation']
type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; detail: Detail }

function Reports({ reports }: { reports: AdminReport[] }) {
  const t = useT()
  const lang = useStore(locale)
  if (reports.length === 0) return null
  return (
    <div class="reports" role="group" aria-label={t('forumReports', { n: reports.length })}>
      <strong>{t('forumReports', { n: reports.length })}</strong>
      <ul>
        {reports.map((r) => (
          <li key={r.id}>
            „{r.reason}”{' '}
            <span class="muted">
              — {t(`role_${r.reporterRole}`)}, {formatDateTime(r.createdAt, lang)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}

function ModerationNote({ moderation }: { moderation: Moderation }) {
  const t = useT()
  const lang = useStore(locale)
  if (!moderation) return null
  return (
    <p class="muted moderation-note">
      {t(moderation.hidden ? 'forumHiddenBy' : 'forumShownBy', { name: moderation.by.name, when: formatDateTime(moderation.at, lang) })} „{moderation.reason}”
    </p>
  )
}

/** One thread for a moderator: question, replies (hidden ones too), open reports; reply as an expert, accept, hide / show. */
export default function ForumThreadPage({ id }: { id: string }) {
  const t = useT()
  const lang = useStore(locale)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [body, setBody] = useState('')
  const [sending, setSending] = useState(false)
  const [failed, setFailed] = useState(false)

  const reload = async (signal?: AbortSignal) => {
    try {
      setLoad({ status: 'ready', detail: await forum.get(id, signal) })
    } catch {
      if (!signal?.aborted) setLoad({ status: 'failed' })
    }
  }
  useEffect(() => {
    const ctrl = new AbortController()
    setLoad({ status: 'loading' })
    void reload(ctrl.signal)
    return () => ctrl.abort()
  }, [id])
  const act = async (fn: () => Promise<unknown>) => {
    setFailed(false)
    try {
      await fn()
    } catch {
      setFailed(true)
    }
    await reload()
  }

  if (load.status === 'loading')
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    )
  if (load.status === 'failed')
    return (
      <section>
        <a class="back" href="#/forum">
          ← {t('forumBack')}
        </a>
        <p role="alert">{t('loadFailed')}</p>
      </section>
    )
  const { thread, posts } = load.detail
  const openReports = thread.reports.length + posts.reduce((n, p) => n + p.reports.length, 0)

  return (
    <section class="forum-thread" aria-labelledby="thread-title">
      <a class="back" href="#/forum">
        ← {t('forumBack')}
      </a>
      <h1 id="thread-title">{thread.title}</h1>
      <p class="meta">
        {thread.hidden && <span class="badge-hidden">{t('forumHidden')}</span>}
        {thread.solved && <span class="badge-solved">{t('forumSolved')}</span>}
        <span class="muted">{thread.appId}</span>
      </p>
      <div class="actions">
        <ModerationForm
          thread
          hidden={thread.hidden}
          what={thread.title}
          onDone={(reason) => act(() => forum.setThreadHidden(thread.id, !thread.hidden, reason))}
        />
        {openReports > 0 && (
          <button type="button" onClick={() => void act(() => forum.dismissReports(thread.id))}>
            {t('forumDismiss', { n: openReports })}
          </button>
        )}
        {failed && <span role="alert">{t('actionFailed')}</span>}
      </div>
      <ModerationNote moderation={thread.moderation} />
      <ol class="conversation">
        <li class="msg">
          <article aria-label={t('forumQuestion')}>
            <header>
              <strong>{thread.author.name}</strong> <span class="muted">{t(`role_${thread.author.role}`)}</span>{' '}
              <time dateTime={thread.createdAt}>{formatDateTime(thread.createdAt, lang)}</time>
            </header>
            <p class="body">{thread.body}</p>
            <Reports reports={thread.reports} />
          </article>
        </li>
        {posts.map((p) => (
          <li key={p.id} class={`msg${p.author.expert ? ' msg-expert' : ''}${p.hidden ? ' hidden-post' : ''}`}>
            <article aria-label={t('forumReplyBy', { name: p.author.name })}>
              <header>
                <strong>{p.author.name}</strong>
                {p.author.expert ? <span class="badge-expert">{t('forumExpert')}</span> : <span class="muted">{t(`role_${p.author.role}`)}</span>}
                <time dateTime={p.createdAt}>{formatDateTime(p.createdAt, lang)}</time>
                {p.accepted && <span class="badge-solved">{t('forumAccepted')}</span>}
                {p.hidden && <span class="badge-hidden">{t('forumHidden')}</span>}
              </header>
              <p class="body">{p.body}</p>
              <ModerationNote moderation={p.moderation} />
              <Reports reports={p.reports} />
              <div class="actions">
                {!p.hidden && !p.accepted && !thread.hidden && (
                  <button type="button" aria-label={t('forumAcceptFor', { name: p.author.name })} onClick={() => void act(() => forum.accept(thread.id, p.id))}>
                    {t('forumAccept')}
                  </button>
                )}
                <ModerationForm
                  hidden={p.hidden}
                  what={t('forumReplyBy', { name: p.author.name })}
                  onDone={(reason) => act(() => forum.setPostHidden(p.id, !p.hidden, reason))}
                />
              </div>
            </article>
          </li>
        ))}
      </ol>
      {!thread.hidden && (
        <form
          class="forum-reply"
          onSubmit={async (e) => {
            e.preventDefault()
            if (!body.trim()) return
            setSending(true)
            await act(async () => {
              await forum.reply(thread.id, body.trim())
              setBody('')
            })
            setSending(false)
          }}
        >
          <label for="forum-reply">{t('forumReplyLabel')}</label>
          <textarea id="forum-reply" rows={4} maxLength={10_000} value={body} onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)} />
          <button type="submit" class="primary" disabled={sending || !body.trim()}>
            {t('forumSend')}
          </button>
        </form>
      )}
    </section>
  )
}
