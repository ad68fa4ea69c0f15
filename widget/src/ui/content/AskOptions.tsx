import { askAccess } from '../../state/access'
import { useStore } from '../../state/store'
import { useWidget } from '../context'
import { useContentT } from './i18n'

/**
 * No dead ends (issue 15 item 5): under a search without an answer and at the end of every
 * article, the next step — the forum for everyone, Zapytaj Eksperta for the chief (the query
 * carried over as the question or the thread's title), the reason for anyone who cannot ask.
 */
export function AskOptions({ q, title, plain }: { q?: string; title: string; plain?: boolean }) {
  const { session, panel } = useWidget()
  const t = useContentT()
  const me = useStore(session.me)
  const state = useStore(panel.store)
  const entryPoint = state.status === 'open' ? state.entryPoint : 'sidebar'
  const access = me.status === 'ready' ? askAccess(me.me, entryPoint) : null

  const askExpert = (): void => {
    // An unsent question is never overwritten: the query only fills an empty form.
    if (q && !session.loadDraft('ask').trim()) session.saveDraft(q, 'ask')
    panel.navigate({ name: 'ask' })
  }
  return (
    <section class={plain ? 'next plain' : 'next'} aria-labelledby="ze-next">
      <h3 id="ze-next" class="sub">
        {title}
      </h3>
      <div class="actions">
        <button type="button" class="btn" onClick={() => panel.navigate({ name: 'forum', compose: true, title: q })}>
          {t('askForum')}
        </button>
        {access?.ok && (
          <button type="button" class="btn primary" onClick={askExpert}>
            {session.t('askExpert')}
          </button>
        )}
      </div>
      {access && !access.ok && <p class="hint">{access.reason === 'ONLY_OFFICE_CHIEF' ? t('chiefCanAsk') : session.t('inactivePackage')}</p>}
    </section>
  )
}
