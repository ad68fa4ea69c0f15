import { listArticles, listThreads } from '../../api/content'
import type { View } from '../../state/panel'
import { useWidget } from '../context'
import { AskOptions } from '../content/AskOptions'
import { contentCss } from '../content/contentCss'
import { useContentT } from '../content/i18n'
import { Failed } from '../content/Status'
import { Skeleton } from '../Skeleton'
import { useDebounced, useLoad } from '../content/useLoad'
import { Sheet } from '../sheet'

export const HELP_SEARCH_DEBOUNCE_MS = 250
const MAX_ARTICLES = 5
const MAX_THREADS = 3

interface Hit {
  key: string
  kind: 'article' | 'thread'
  title: string
  excerpt: string
  view: View
}

/**
 * "Szukaj odpowiedzi" on Pomoc: the best articles (the service's in-memory ranked search) and
 * forum threads containing every word. Not /suggestions: its 25 ms budget may answer nothing on
 * a busy service, and "no answer" must mean there is none. Without one: forum, Zapytaj Eksperta.
 */
export default function HelpSearch({ q }: { q: string }) {
  const { session, panel } = useWidget()
  const t = useContentT()
  const query = useDebounced(q, HELP_SEARCH_DEBOUNCE_MS)
  const { state, retry } = useLoad(
    (signal) =>
      Promise.all([listArticles(session.api, query, undefined, signal), listThreads(session.api, query, null, signal)]).then(([a, f]): Hit[] => [
        ...a.items
          .slice(0, MAX_ARTICLES)
          .map((i) => ({ key: 'a' + i.slug, kind: 'article' as const, title: i.title, excerpt: i.excerpt, view: { name: 'article', slug: i.slug } as View })),
        ...f.items
          .slice(0, MAX_THREADS)
          .map((i) => ({ key: 't' + i.id, kind: 'thread' as const, title: i.title, excerpt: i.excerpt, view: { name: 'thread', id: i.id } as View }))
      ]),
    [query]
  )

  let body
  if (state.s === 'error') body = <Failed message={t('searchFailed')} onRetry={retry} />
  else if (!state.data) body = <Skeleton />
  else if (!state.data.length) body = <AskOptions q={query} title={t('searchNoMatch', { q: query })} plain />
  else {
    body = (
      <>
        <ul class="rows">
          {state.data.map((s) => (
            <li key={s.key}>
              <button type="button" class="row" onClick={() => panel.navigate(s.view)}>
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
      <Sheet css={contentCss} name="content" />
      <p class="sr" role="status">
        {state.s === 'ok' ? t('searchFound', { n: state.data.length }) : ''}
      </p>
      {body}
    </div>
  )
}
