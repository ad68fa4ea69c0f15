import { useEffect, useRef, useState } from 'preact/hooks'
import { acceptAnswer, getThread } from '../../api/content'
import { ApiError } from '../../api/errors'
import type { Post, ThreadWithPosts } from '../../api/types'
import { useWidget } from '../context'
import { formatDate } from '../format'
import { useContentT } from '../content/i18n'
import { scrollPanelToTop } from '../content/scroll'
import { Failed } from '../content/Status'
import { Skeleton } from '../Skeleton'
import { useLoad } from '../content/useLoad'
import { viaSuggestion } from '../content/via'
import { Author } from './Author'
import { ReplyForm } from './ReplyForm'
import { ReportButton } from './ReportButton'

/** The accepted answer comes first, the other replies in the order they were written. */
const ordered = (posts: Post[]): Post[] => [...posts.filter((p) => p.accepted), ...posts.filter((p) => !p.accepted)]

function PostItem({ post, canAccept, onAccept, busy, error }: { post: Post; canAccept: boolean; onAccept: () => void; busy: boolean; error: string | null }) {
  const { session } = useWidget()
  const t = useContentT()
  return (
    <li class={post.accepted ? 'post acc' : 'post'} data-post={post.id}>
      {post.accepted && <p class="acc-label">✓ {t('acceptedAnswer')}</p>}
      <p class="who">
        <Author author={post.author} />
        <time dateTime={post.createdAt}>{formatDate(post.createdAt, session.locale)}</time>
      </p>
      <p class="text">{post.body}</p>
      {canAccept && !post.accepted && (
        <button type="button" class="btn" disabled={busy} onClick={onAccept}>
          {t('accept')}
        </button>
      )}
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
      <ReportButton target="posts" id={post.id} />
    </li>
  )
}

/** A thread: the question, the visible replies (hidden ones never arrive), the reply form. */
export function ThreadPage({ id, via }: { id: string; via?: boolean | undefined }) {
  const { session } = useWidget()
  const t = useContentT()
  const root = useRef<HTMLDivElement>(null)
  const { state, setState, retry } = useLoad((signal) => getThread(session.api, id, signal, viaSuggestion(session, via)), [id])
  const [accepting, setAccepting] = useState<string | null>(null)
  const [acceptError, setAcceptError] = useState<{ postId: string; message: string } | null>(null)

  useEffect(() => scrollPanelToTop(root.current), [])

  if (state.s === 'error') {
    return (
      <div ref={root}>
        {state.error instanceof ApiError && state.error.status === 404 ? (
          <p class="note" role="alert">
            {t('threadNotFound')}
          </p>
        ) : (
          <Failed message={t('threadError')} onRetry={retry} />
        )}
      </div>
    )
  }
  if (!state.data)
    return (
      <div ref={root}>
        <Skeleton />
      </div>
    )
  const data: ThreadWithPosts = state.data
  const { thread, posts } = data
  const update = (next: ThreadWithPosts): void => setState({ s: 'ok', data: next })

  const accept = (postId: string): void => {
    setAccepting(postId)
    setAcceptError(null)
    acceptAnswer(session.api, thread.id, postId).then(
      (r) => {
        setAccepting(null)
        update({
          thread: { ...thread, ...r.thread },
          posts: posts.map((p) => ({ ...p, accepted: p.id === r.thread.acceptedPostId }))
        })
      },
      (e) => {
        setAccepting(null)
        const message = e instanceof ApiError && e.code === 'NOT_THREAD_AUTHOR' ? t('notThreadAuthor') : t('acceptFailed')
        setAcceptError({ postId, message })
      }
    )
  }

  return (
    <div ref={root}>
      <article class="page" aria-labelledby="ze-thread-title">
        <div class="thread-q">
          <h3 id="ze-thread-title">{thread.title}</h3>
          <p class="meta">
            {thread.solved && <span class="tag ok">✓ {t('solved')}</span>}
            <Author author={thread.author} />
            <time dateTime={thread.createdAt}>{formatDate(thread.createdAt, session.locale)}</time>
          </p>
          <p class="text">{thread.body}</p>
          <ReportButton target="threads" id={thread.id} />
        </div>
        <section aria-labelledby="ze-replies">
          <h4 id="ze-replies" class="sub">
            {t('repliesTitle', { n: posts.length })}
          </h4>
          {posts.length ? (
            <ul class="posts">
              {ordered(posts).map((p) => (
                <PostItem
                  key={p.id}
                  post={p}
                  canAccept={thread.canAccept}
                  busy={accepting !== null}
                  onAccept={() => accept(p.id)}
                  error={acceptError?.postId === p.id ? acceptError.message : null}
                />
              ))}
            </ul>
          ) : (
            <p class="muted">{t('noReplies')}</p>
          )}
        </section>
      </article>
      <ReplyForm threadId={thread.id} onPosted={(post) => update({ thread: { ...thread, replyCount: thread.replyCount + 1 }, posts: [...posts, post] })} />
    </div>
  )
}
