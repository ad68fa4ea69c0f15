import { useEffect, useState } from 'preact/hooks'
import { bulkCases, getCase } from '../../api/cases'
import { ApiError } from '../../api/errors'
import type { CaseWithMessages } from '../../api/types'
import { useWidget } from '../context'
import { expertCss } from '../expertCss'
import { formatDate } from '../format'
import { MeGate } from '../MeGate'
import { MessageItem } from './MessageItem'
import { ReplyBox } from './ReplyBox'

type State = { s: 'loading' } | { s: 'ready'; data: CaseWithMessages } | { s: 'error'; notFound: boolean }

/** One case as a conversation (R8). Opening it marks it read. */
export default function ConversationView({ caseId }: { caseId: string }) {
  const { session } = useWidget()
  const { t, locale } = session
  const [state, setState] = useState<State>({ s: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const ctrl = new AbortController()
    setState({ s: 'loading' })
    getCase(session.api, caseId, ctrl.signal).then(
      data => {
        if (ctrl.signal.aborted) return
        setState({ s: 'ready', data })
        // GET does not change read state (contract); reading is an explicit call.
        bulkCases(session.api, 'read', [caseId]).then(() => session.refresh(), () => undefined)
      },
      e => { if (!ctrl.signal.aborted) setState({ s: 'error', notFound: e instanceof ApiError && e.code === 'CASE_NOT_FOUND' }) }
    )
    return () => ctrl.abort()
  }, [caseId, attempt])

  let body
  if (state.s === 'loading') body = <p aria-busy="true">{t('loading')}</p>
  else if (state.s === 'error') {
    body = (
      <div role="alert">
        <p class="err">{t(state.notFound ? 'caseNotFound' : 'caseError')}</p>
        {!state.notFound && <button type="button" class="btn" onClick={() => setAttempt(a => a + 1)}>{t('retry')}</button>}
      </div>
    )
  } else {
    const { case: c, messages } = state.data
    body = (
      <article class="conv">
        <header>
          <h3>{c.subject}</h3>
          <p class="meta">
            <span>{t('caseNumber', { n: c.number })}</span>
            <span class={`status s-${c.status}`}>{t(`status_${c.status}`)}</span>
            <span>{c.accountLabel}</span>
            <time dateTime={c.createdAt}>{formatDate(c.createdAt, locale)}</time>
          </p>
        </header>
        <ol class="msgs">{messages.map(m => <MessageItem key={m.id} m={m} />)}</ol>
        <MeGate>
          {me => me.capabilities.canAskExpert ? (
            <ReplyBox
              key={c.id}
              caseId={c.id}
              limits={me.limits}
              onSent={r => setState({ s: 'ready', data: { case: r.case, messages: [...messages, r.message] } })}
            />
          ) : <></>}
        </MeGate>
      </article>
    )
  }
  return <div><style>{expertCss}</style>{body}</div>
}
