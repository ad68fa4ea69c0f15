import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { askAccess } from '../state/access'
import { useStore } from '../state/store'
import { useWidget } from './context'
import { chunk, Lazy } from './lazy'
import { MessagesLink } from './MessagesLink'

// Results load lazily (the input alone lives in the core); focusing the box fetches the chunk early.
const loadSearch = (n: number) => chunk('HelpSearch', n, () => import('./search/HelpSearch'))
/** The query survives opening a result and coming Back (per panel). */
const remembered = new WeakMap<object, string>()

interface TileProps {
  title: string
  hint: string
  onClick?: () => void
  disabled?: boolean
  describedBy?: string
  badge?: JSX.Element | null
}

function Tile({ title, hint, onClick, disabled, describedBy, badge }: TileProps) {
  return (
    <li>
      <button type="button" class="tile" onClick={onClick} disabled={disabled} aria-describedby={describedBy}>
        <b>
          {title}
          {badge}
        </b>
        <span>{hint}</span>
      </button>
    </li>
  )
}

/** Pomoc: the three forms of support (R2) plus the case history with its unread count (R3). */
export function Home() {
  const { session, panel } = useWidget()
  const { t } = session
  const meState = useStore(session.me)
  const unread = useStore(session.unread)
  const state = useStore(panel.store)
  const entryPoint = state.status === 'open' ? state.entryPoint : 'sidebar'
  const go = (view: Parameters<typeof panel.navigate>[0]) => () => panel.navigate(view)
  const [q, setQ] = useState(() => remembered.get(panel) ?? '')
  remembered.set(panel, q)

  let ask: JSX.Element
  let explanation: JSX.Element | null = null
  let showCases = false
  if (meState.status === 'ready') {
    const access = askAccess(meState.me, entryPoint)
    showCases = meState.me.capabilities.canAskExpert
    if (access.ok) {
      ask = <Tile title={t('askExpert')} hint={t('askExpertHint')} onClick={go({ name: 'ask' })} />
    } else {
      ask = <Tile title={t('askExpert')} hint={t('askExpertHint')} disabled describedBy="ask-why" />
      explanation =
        access.reason === 'ONLY_OFFICE_CHIEF' ? (
          <p id="ask-why" class="note">
            {t('onlyChief')}
          </p>
        ) : (
          <div id="ask-why" class="note">
            <p>{t('inactivePackage')}</p>
            <MessagesLink />
          </div>
        )
    }
  } else if (meState.status === 'loading') {
    ask = <Tile title={t('askExpert')} hint={t('loading')} disabled />
  } else {
    ask = <Tile title={t('askExpert')} hint={t('meError')} onClick={() => void session.refresh()} />
  }

  const search = (
    <input
      type="search"
      class="hs"
      value={q}
      maxLength={200}
      placeholder={t('searchHelp')}
      aria-label={t('searchHelp')}
      onFocus={() => void loadSearch(0).catch(() => undefined)}
      onInput={(e) => setQ(e.currentTarget.value)}
    />
  )
  if (q.trim())
    return (
      <div>
        {search}
        <Lazy load={loadSearch} props={{ q: q.trim() }} />
      </div>
    )

  return (
    <div>
      {search}
      <ul class="tiles">
        <Tile title={t('articles')} hint={t('articlesHint')} onClick={go({ name: 'articles' })} />
        <Tile title={t('forum')} hint={t('forumHint')} onClick={go({ name: 'forum' })} />
        {ask}
        {showCases && (
          <Tile
            title={t('myQuestions')}
            hint={unread ? t('unreadBadge', { n: unread }) : t('myQuestionsHint')}
            onClick={go({ name: 'cases', tab: 'active' })}
            badge={
              unread ? (
                <span class="badge" aria-hidden="true">
                  {unread}
                </span>
              ) : null
            }
          />
        )}
      </ul>
      {explanation}
    </div>
  )
}
