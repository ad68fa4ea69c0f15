import { useEffect } from 'preact/hooks'
import { useT } from '../i18n'
import { connectLive, onLive } from '../live/events'
import { applyPresence, prunePresence } from '../state/presence'
import { route } from '../state/route'
import { loadSession, selfId, session } from '../state/session'
import { useStore } from '../state/store'
import { lazyView } from './lazy'
import { Shell } from './Shell'

const SignIn = lazyView(() => import('./SignIn'))
const QueuePage = lazyView(() => import('./queue/QueuePage'))
const CasePage = lazyView(() => import('./case/CasePage'))
const TeamPage = lazyView(() => import('./team/TeamPage'))
const AuditPage = lazyView(() => import('./audit/AuditPage'))
const SettingsPage = lazyView(() => import('./settings/SettingsPage'))
const ArticlesPage = lazyView(() => import('./kb/ArticlesPage'))
const ArticleEditor = lazyView(() => import('./kb/ArticleEditor'))
const SavedRepliesPage = lazyView(() => import('./replies/SavedRepliesPage'))
const StatsPage = lazyView(() => import('./stats/StatsPage'))
const ForumPage = lazyView(() => import('./forum/ForumPage'))
const ForumThreadPage = lazyView(() => import('./forum/ForumThreadPage'))

/** Signed out → "Zaloguj się"; signed in → the shell with the queue or a case. */
export function App() {
  const t = useT()
  const s = useStore(session)
  const r = useStore(route)
  useEffect(() => void loadSession(), [])
  const ready = s.status === 'ready'
  useEffect(() => {
    if (!ready) return
    const stopLive = connectLive()
    const stopPresence = onLive((e) => e.type === 'presence' && applyPresence(e.data, selfId()))
    const timer = setInterval(() => prunePresence(), 5_000)
    return () => {
      stopLive()
      stopPresence()
      clearInterval(timer)
    }
  }, [ready])

  if (s.status === 'loading')
    return (
      <p class="muted center" role="status">
        {t('loading')}
      </p>
    )
  if (s.status === 'error')
    return (
      <main class="center">
        <p role="alert">{t('loadFailed')}</p>
        <button type="button" onClick={() => void loadSession()}>
          {t('retry')}
        </button>
      </main>
    )
  if (s.status === 'signed-out') return <SignIn linkInvalid={r.name === 'signin' && r.linkInvalid} ended={s.ended ?? false} />
  const me = s.me
  let view
  if (r.name === 'case') view = <CasePage id={r.id} me={me} />
  else if (r.name === 'team' && me.admin) view = <TeamPage me={me} />
  else if (r.name === 'audit' && me.admin) view = <AuditPage />
  else if (r.name === 'settings') view = <SettingsPage />
  else if (r.name === 'kb' && me.admin) view = <ArticlesPage />
  else if (r.name === 'article' && me.admin) view = <ArticleEditor key={r.id} id={r.id} />
  else if (r.name === 'replies') view = <SavedRepliesPage me={me} />
  else if (r.name === 'stats') view = <StatsPage me={me} />
  else if (r.name === 'forum') view = <ForumPage view={r.view} />
  else if (r.name === 'forumThread') view = <ForumThreadPage key={r.id} id={r.id} />
  else view = <QueuePage view={r.name === 'queue' ? r.view : 'unassigned'} me={me} />
  return <Shell me={me}>{view}</Shell>
}
