import { suggestions } from '../../api/content'
import { useWidget } from '../context'
import { AskOptions } from '../content/AskOptions'
import { contentCss } from '../content/contentCss'
import { useContentT } from '../content/i18n'
import { Failed, Loading } from '../content/Status'
import { useDebounced, useLoad } from '../content/useLoad'
import { Sheet } from '../sheet'

export const HELP_SEARCH_DEBOUNCE_MS = 250

/**
 * "Szukaj odpowiedzi" on Pomoc: articles and solved forum threads from the service's
 * in-memory search, best first. Without an answer it offers the forum and Zapytaj Eksperta.
 */
export default function HelpSearch({ q }: { q: string }) {
  const { session, panel } = useWidget()
  const t = useContentT()
  const query = useDebounced(q, HELP_SEARCH_DEBOUNCE_MS)
  const { state, retry } = useLoad(signal => suggestions(session.api, query, signal), [query])

  let body
  if (state.s === 'error') body = <Failed message={t('searchFailed')} onRetry={retry} />
  else if (!state.data) body = <Loading />
  else if (!state.data.items.length) body = <AskOptions q={query} title={t('searchNoMatch', { q: query })} plain />
  else {
    body = (
      <>
        <ul class="rows">
          {state.data.items.map(s => (
            <li key={s.kind + s.id}>
              <button
                type="button"
                class="row"
                onClick={() => panel.navigate(s.kind === 'article' ? { name: 'article', slug: s.slug ?? s.id } : { name: 'thread', id: s.id })}
              >
                <span class="tag">{t(s.kind === 'article' ? 'kindArticle' : 'kindThread')}</span>
                <b>{s.title}</b>
                <span class="ex">{s.excerpt}</span>
              </button>
            </li>
          ))}
        </ul>
        <AskOptions q={query} title={t('stillNeedHelp')} />
      </>
    )
  }
  return (
    <div aria-busy={state.s === 'loading'}>
      <Sheet css={contentCss} />
      <p class="sr" role="status">{state.s === 'ok' ? t('searchFound', { n: state.data.items.length }) : ''}</p>
      {body}
    </div>
  )
}
