import { Fragment } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { getCase, markRead } from '../../api/cases'
import { ApiError } from '../../api/errors'
import type { CaseWithMessages, Message } from '../../api/types'
import { caseAnswered, casesChanged } from '../../state/cases'
import { useWidget } from '../context'
import { expertCss } from '../expertCss'
import { useExpertT } from '../expertT'
import { MeGate } from '../MeGate'
import { MessageItem } from './MessageItem'
import { ReplyBox } from './ReplyBox'
import { Rating } from './Rating'
import { dayKey, dayLabel, relativeTime } from './time'
import { Sheet } from '../sheet'
import { Skeleton } from '../Skeleton'

type State = { s: 'loading' } | { s: 'ready'; data: CaseWithMessages; firstUnread: number } | { s: 'error'; notFound: boolean }

/** The expert's replies the chief has not read yet start after the chief's last own message. */
export function firstUnreadIndex(messages: Message[], unread: boolean): number {
  if (!unread) return -1
  let lastChief = -1
  messages.forEach((m, i) => {
    if (m.author.kind === 'chief') lastChief = i
  })
  return messages.findIndex((m, i) => i > lastChief && m.author.kind === 'expert')
}

/** Scrolls the panel body (not the host page) so `el` starts at its top, or to the end when el fits. */
function scrollToMessage(el: Element, toEnd: boolean): void {
  const body = el.closest('.body')
  if (!body) return
  if (toEnd && el.getBoundingClientRect().height < body.clientHeight * 0.8) {
    body.scrollTop = body.scrollHeight
    return
  }
  body.scrollTop += el.getBoundingClientRect().top - body.getBoundingClientRect().top - 8
}

/** One case as a conversation (R8). Opens at the first unread reply, else the newest; opening it marks it read. */
export default function ConversationView({ caseId }: { caseId: string }) {
  const { session, panel } = useWidget()
  const { locale } = session
  const t = useExpertT()
  const et = useExpertT()
  const [state, setState] = useState<State>({ s: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const list = useRef<HTMLOListElement>(null)
  const scrolled = useRef(false)
  const [announce, setAnnounce] = useState('')

  // A reply pushed by the event stream appears in place and is read out politely; being on
  // screen, it counts as read like the rest of the conversation.
  useEffect(() => {
    let ctrl: AbortController | null = null
    const off = session.live.subscribe((e) => {
      if (!e || e.caseId !== caseId) return
      ctrl?.abort()
      const c = (ctrl = new AbortController())
      getCase(session.api, caseId, c.signal).then(
        (data) => {
          if (c.signal.aborted) return
          let known: string[] = []
          setState((prev) => {
            if (prev.s !== 'ready') return prev
            known = prev.data.messages.map((m) => m.id)
            return { ...prev, data }
          })
          const fresh = data.messages.filter((m) => !known.includes(m.id) && m.author.kind !== 'chief')
          const last = fresh[fresh.length - 1]
          if (last) {
            setAnnounce(`${last.author.name}: ${last.body}`)
            markRead(session.api, [caseId]).then(
              (r) => casesChanged(session, 'read', [caseId], r),
              () => undefined
            )
          }
        },
        () => undefined
      )
    })
    return () => {
      off()
      ctrl?.abort()
    }
  }, [caseId])

  useEffect(() => {
    const ctrl = new AbortController()
    setState({ s: 'loading' })
    scrolled.current = false
    getCase(session.api, caseId, ctrl.signal).then(
      (data) => {
        if (ctrl.signal.aborted) return
        setState({ s: 'ready', data, firstUnread: firstUnreadIndex(data.messages, data.case.unread) })
        // GET does not change read state (contract); reading is an explicit call.
        markRead(session.api, [caseId]).then(
          (r) => casesChanged(session, 'read', [caseId], r),
          () => undefined
        )
      },
      (e) => {
        if (!ctrl.signal.aborted) setState({ s: 'error', notFound: e instanceof ApiError && e.code === 'CASE_NOT_FOUND' })
      }
    )
    return () => ctrl.abort()
  }, [caseId, attempt])

  const c = state.s === 'ready' ? state.data.case : null
  // The panel's header names the case: "Sprawa nr 12: Korekta faktury".
  useEffect(() => {
    panel.heading.set(c ? et('caseHeading', { n: c.number, subject: c.subject }) : null)
  }, [c?.number, c?.subject])
  useEffect(() => () => panel.heading.set(null), [])

  useLayoutEffect(() => {
    if (state.s !== 'ready' || scrolled.current || !list.current) return
    scrolled.current = true
    const target = list.current.querySelector('[data-first-unread]') ?? list.current.lastElementChild
    if (target) scrollToMessage(target, !target.hasAttribute('data-first-unread'))
  })

  let body
  if (state.s === 'loading') body = <Skeleton />
  else if (state.s === 'error') {
    body = (
      <div role="alert">
        <p class="err">{t(state.notFound ? 'caseNotFound' : 'caseError')}</p>
        {!state.notFound && (
          <button type="button" class="btn" onClick={() => setAttempt((a) => a + 1)}>
            {t('retry')}
          </button>
        )}
      </div>
    )
  } else {
    const { case: kase, messages } = state.data
    const now = new Date()
    const lastExpert = [...messages].reverse().find((m) => m.author.kind === 'expert')
    body = (
      <article class="conv" aria-labelledby="ze-title">
        <p class="meta">
          <span class={`status s-${kase.status}`}>{t(`status_${kase.status}`)}</span>
          <span>{kase.accountLabel}</span>
          <span>
            {lastExpert
              ? et('lastAnswer', { name: lastExpert.author.name, when: relativeTime(lastExpert.createdAt, now, locale, et) })
              : et('waitingSince', { when: relativeTime(kase.createdAt, now, locale, et) })}
          </span>
        </p>
        <ol class="msgs" ref={list}>
          {messages.map((m, i) => (
            <Fragment key={m.id}>
              {(i === 0 || dayKey(m.createdAt) !== dayKey(messages[i - 1]!.createdAt)) && (
                <li class="day">
                  <span>{dayLabel(m.createdAt, now, locale, et)}</span>
                </li>
              )}
              {i === state.firstUnread && (
                <li class="new">
                  <span>{et('newMessages')}</span>
                </li>
              )}
              <MessageItem m={m} now={now} first={i === state.firstUnread} />
            </Fragment>
          ))}
        </ol>
        {kase.status !== 'open' && lastExpert && (
          <Rating
            key={kase.id}
            kase={kase}
            onRated={(r) => {
              caseAnswered(session, r)
              setState({ ...state, data: { ...state.data, case: r } })
            }}
          />
        )}
        <MeGate>
          {(me) =>
            me.capabilities.canAskExpert ? (
              <ReplyBox
                key={kase.id}
                caseId={kase.id}
                limits={me.limits}
                onSent={(r) => {
                  caseAnswered(session, r.case)
                  setState({ s: 'ready', data: { case: r.case, messages: [...messages, r.message] }, firstUnread: -1 })
                  requestAnimationFrame(() => {
                    const last = list.current?.lastElementChild
                    if (last) scrollToMessage(last, true)
                  })
                }}
              />
            ) : (
              <></>
            )
          }
        </MeGate>
      </article>
    )
  }
  return (
    <div class="convwrap">
      <Sheet css={expertCss} name="expert" />
      {body}
      <p class="sr" aria-live="polite">
        {announce}
      </p>
    </div>
  )
}
