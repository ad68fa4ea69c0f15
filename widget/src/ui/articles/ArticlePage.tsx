import { useEffect, useLayoutEffect, useRef } from 'preact/hooks'
import { getArticle } from '../../api/content'
import { ApiError } from '../../api/errors'
import { useWidget } from '../context'
import { formatDate } from '../format'
import { useContentT } from '../content/i18n'
import { scrollPanelToTop } from '../content/scroll'
import { Failed } from '../content/Status'
import { Skeleton } from '../Skeleton'
import { useLoad } from '../content/useLoad'
import { viaSuggestion } from '../content/via'
import { AskOptions } from '../content/AskOptions'
import { Feedback } from './Feedback'
import { articleHtml } from './trusted'

/**
 * One article. Its HTML comes only from the service, which renders the Markdown and
 * sanitises it with an allow-list on write; nothing typed by the user ever reaches
 * dangerouslySetInnerHTML.
 */
export function ArticlePage({ slug, via }: { slug: string; via?: boolean | undefined }) {
  const { session, panel } = useWidget()
  const t = useContentT()
  const root = useRef<HTMLDivElement>(null)
  const prose = useRef<HTMLDivElement>(null)
  const { state, retry } = useLoad((signal) => getArticle(session.api, slug, signal, viaSuggestion(session, via)), [slug])

  useEffect(() => scrollPanelToTop(root.current), [])

  // Defence in depth (the service already does it): every web link opens in a new tab
  // without access to this page. Layout effect: done before anyone can click.
  useLayoutEffect(() => {
    prose.current?.querySelectorAll('a[href]').forEach((a) => {
      if (a.hasAttribute('data-article')) return
      a.setAttribute('target', '_blank')
      a.setAttribute('rel', 'noopener noreferrer nofollow')
    })
  }, [state])

  // Links between articles stay inside the panel (and in its Back history); a bare
  // "#…" link must not change the host page's URL.
  const onClick = (e: MouseEvent): void => {
    const a = (e.target as Element | null)?.closest?.('a')
    if (!a) return
    const target = a.getAttribute('data-article')
    if (target) {
      e.preventDefault()
      if (target !== slug) panel.navigate({ name: 'article', slug: target })
    } else if (a.getAttribute('href')?.startsWith('#')) {
      e.preventDefault()
    }
  }

  let content
  if (state.s === 'loading') content = <Skeleton />
  else if (state.s === 'error') {
    content =
      state.error instanceof ApiError && state.error.status === 404 ? (
        <p class="note" role="alert">
          {t('articleNotFound')}
        </p>
      ) : (
        <Failed message={t('articleError')} onRetry={retry} />
      )
  } else {
    const a = state.data
    const html = articleHtml(a.html)
    content = (
      <article class="page" aria-labelledby="ze-article-title">
        <h3 id="ze-article-title">{a.title}</h3>
        <p class="meta">
          <span class="tag">{a.categoryName}</span>
          <span>{t('updated', { date: formatDate(a.updatedAt, session.locale) })}</span>
        </p>
        {html === null ? (
          <div class="prose">{a.html.replace(/<[^>]*>/g, ' ')}</div>
        ) : (
          <div class="prose" ref={prose} onClick={onClick} dangerouslySetInnerHTML={{ __html: html as string }} />
        )}
        {a.tags.length > 0 && (
          <p class="meta">
            <span class="sr">{t('tags')}: </span>
            {a.tags.map((tag) => (
              <span key={tag} class="tag">
                #{tag}
              </span>
            ))}
          </p>
        )}
        <Feedback slug={a.slug} initial={a.yourFeedback ?? null} />
        <AskOptions title={t('stillNeedHelp')} />
      </article>
    )
  }
  return <div ref={root}>{content}</div>
}
