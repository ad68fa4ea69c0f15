import type { AdminCaseDetail, AdminCasePatch, ExpertProfile } from '@ze/contract'
import { useEffect, useRef, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { articles } from '../../api/articles'
import { useT } from '../../i18n'
import { onLive } from '../../live/events'
import { loadDraft, clearDraft } from '../../state/drafts'
import { lastQueueView, navigate } from '../../state/route'
import { caseVariables } from '../../state/saved-replies'
import { useStore } from '../../state/store'
import { useShortcuts } from '../keyboard'
import { PresenceLine } from '../PresenceLine'
import { CaseActions } from './CaseActions'
import { CollisionPrompt } from './CollisionPrompt'
import { ContextPanel } from './ContextPanel'
import { Conversation } from './Conversation'
import { ReplyEditor, type EditorHandle } from './ReplyEditor'
import { usePresence } from './usePresence'

type Load = { status: 'loading' } | { status: 'failed'; notFound: boolean } | { status: 'ready'; detail: AdminCaseDetail }
type Held = { resolve: (outcome: 'sent' | 'held') => void; reject: (err: unknown) => void; send: () => Promise<void> }

/** One case: conversation, context, actions, editor; live refresh, presence and collision check. */
export default function CasePage({ id, me }: { id: string; me: ExpertProfile }) {
  const t = useT()
  const view = useStore(lastQueueView)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [tick, setTick] = useState(0)
  const [typingAt, setTypingAt] = useState(0)
  const [collision, setCollision] = useState<string | null>(null)
  const [held, setHeld] = useState<Held | null>(null)
  const [highlight, setHighlight] = useState<string | null>(null)
  const [actionError, setActionError] = useState(false)
  const editor = useRef<EditorHandle | null>(null)
  usePresence(id, typingAt)

  useEffect(() => {
    setCollision(null)
    setHighlight(null)
    setLoad({ status: 'loading' })
  }, [id])
  useEffect(() => {
    const ctrl = new AbortController()
    admin.detail(id, ctrl.signal).then(
      (detail) => setLoad({ status: 'ready', detail }),
      (err: { status?: number }) => !ctrl.signal.aborted && setLoad({ status: 'failed', notFound: err.status === 404 })
    )
    return () => ctrl.abort()
  }, [id, tick])

  useEffect(
    () =>
      onLive((e) => {
        if (e.type === 'presence' || e.data.caseId !== id) return
        // Someone else's public message while this expert has a draft: sending must ask first.
        if (e.type === 'message.created' && !e.data.internal && e.data.author.id !== me.id && loadDraft(id).body.trim()) setCollision(e.data.messageId)
        setTick((n) => n + 1)
      }),
    [id, me.id]
  )

  const c = load.status === 'ready' ? load.detail.case : null
  const patch = async (p: AdminCasePatch) => {
    setActionError(false)
    try {
      const res = await admin.patch(id, p)
      setLoad((l) => (l.status === 'ready' ? { status: 'ready', detail: { ...l.detail, case: res.case } } : l))
    } catch {
      setActionError(true)
    }
  }
  const send = async (body: string, internal: boolean, files: File[]) => {
    const res = await admin.reply(id, body, internal, files)
    clearDraft(id)
    setCollision(null)
    setTypingAt(0)
    setLoad((l) => (l.status === 'ready' ? { status: 'ready', detail: { case: res.case, messages: [...l.detail.messages, res.message] } } : l))
    // Answering an unassigned case makes it yours (an internal note does not).
    if (!internal && !res.case.assignee) await patch({ assignee: me.id })
  }
  const onSend = (body: string, internal: boolean, files: File[]): Promise<'sent' | 'held'> => {
    if (!collision) return send(body, internal, files).then(() => 'sent' as const)
    return new Promise((resolve, reject) => setHeld({ resolve, reject, send: () => send(body, internal, files) }))
  }
  const showNew = () => {
    const target = collision
    held?.resolve('held')
    setHeld(null)
    setCollision(null)
    if (!target) return
    setHighlight(target)
    document.getElementById(`msg-${target}`)?.focus()
  }
  const sendAnyway = () => {
    const h = held
    setHeld(null)
    h?.send().then(() => h.resolve('sent'), h.reject)
  }

  // "Utwórz artykuł z odpowiedzi": one step to a draft, opened in the Baza wiedzy editor.
  const createArticle = (messageId: string) => {
    setActionError(false)
    articles.fromMessage(messageId).then(
      (a) => navigate({ name: 'article', id: a.id }),
      () => setActionError(true)
    )
  }

  useShortcuts({
    r: () => editor.current?.focus(false),
    n: () => editor.current?.focus(true),
    a: () => c && c.assignee?.id !== me.id && void patch({ assignee: me.id }),
    e: () => c && c.status !== 'resolved' && void patch({ status: 'resolved' })
  })

  return (
    <section class="case" aria-labelledby="case-title">
      <a href={`#/queue/${view}`} class="back">
        ← {t('backToQueue')}
      </a>
      {load.status === 'loading' && (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
      {load.status === 'failed' && <p role="alert">{t('loadFailed')}</p>}
      {c && load.status === 'ready' && (
        <>
          <h1 id="case-title">{t('caseTitle', { number: c.number, subject: c.subject })}</h1>
          <p class="meta">
            <span class={`status status-${c.status}`}>
              {t('status')}: {t(`status_${c.status}`)}
            </span>{' '}
            <PresenceLine caseId={c.id} />
          </p>
          <CaseActions c={c} me={me} onPatch={patch} />
          {actionError && <p role="alert">{t('actionFailed')}</p>}
          <div class="case-body">
            <div class="thread">
              <Conversation messages={load.detail.messages} highlight={highlight} onCreateArticle={me.admin ? createArticle : undefined} />
              {held && <CollisionPrompt onShow={showNew} onSendAnyway={sendAnyway} />}
              <ReplyEditor
                key={c.id}
                caseId={c.id}
                onSend={onSend}
                onTyping={() => setTypingAt(Date.now())}
                handle={editor}
                variables={caseVariables(c, me)}
                appId={c.appId}
              />
            </div>
            <ContextPanel c={c} />
          </div>
        </>
      )}
    </section>
  )
}
