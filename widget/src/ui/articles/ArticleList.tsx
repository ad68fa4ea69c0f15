import { useState } from 'preact/hooks'
import { listArticles } from '../../api/content'
import type { ArticleCategory, ArticleSummary } from '../../api/types'
import type { Session } from '../../state/session'
import { useWidget } from '../context'
import { useContentT } from '../content/i18n'
import { SearchBox } from '../content/SearchBox'
import { Failed } from '../content/Status'
import { Skeleton } from '../Skeleton'
import { useDebounced, useLoad } from '../content/useLoad'

export const SEARCH_DEBOUNCE_MS = 250

/** Search text and category survive opening an article and coming Back (per session). */
const remembered = new WeakMap<Session, { q: string; category: string }>()

function group(items: ArticleSummary[]): { id: string; name: string; items: ArticleSummary[] }[] {
  const groups = new Map<string, { id: string; name: string; items: ArticleSummary[] }>()
  for (const a of items) {
    const g = groups.get(a.category) ?? { id: a.category, name: a.categoryName, items: [] }
    g.items.push(a)
    groups.set(a.category, g)
  }
  return [...groups.values()]
}

function Rows({ items }: { items: ArticleSummary[] }) {
  const { panel } = useWidget()
  return (
    <ul class="rows">
      {items.map((a) => (
        <li key={a.slug}>
          <button type="button" class="row" onClick={() => panel.navigate({ name: 'article', slug: a.slug })}>
            <b>{a.title}</b>
            <span class="ex">{a.excerpt}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}

/** Up to this many categories fit as chips; more would push the articles below the fold. */
export const MAX_CHIPS = 5

function CategoryFilter({ categories, value, onChange }: { categories: ArticleCategory[]; value: string; onChange: (id: string) => void }) {
  const t = useContentT()
  const shown = categories.filter((c) => c.count > 0 || c.id === value)
  if (shown.length > MAX_CHIPS) {
    return (
      <div class="cat">
        <label for="ze-article-cat">{t('category')}</label>
        <select id="ze-article-cat" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t('allCategories')}</option>
          {shown.map((c) => (
            <option key={c.id} value={c.id}>{`${c.name} (${c.count})`}</option>
          ))}
        </select>
      </div>
    )
  }
  const chip = (id: string, name: string, count?: number) => (
    <button key={id} type="button" class="chip" aria-pressed={value === id} onClick={() => onChange(id)}>
      {name}
      {count !== undefined && <small> ({count})</small>}
    </button>
  )
  return (
    <div class="chips" role="group" aria-label={t('categories')}>
      {chip('', t('allCategories'))}
      {shown.map((c) => chip(c.id, c.name, c.count))}
    </div>
  )
}

export function ArticleList() {
  const { session } = useWidget()
  const t = useContentT()
  const initial = remembered.get(session) ?? { q: '', category: '' }
  const [q, setQ] = useState(initial.q)
  const [category, setCategory] = useState(initial.category)
  const [categories, setCategories] = useState<ArticleCategory[]>([])
  const query = useDebounced(q.trim(), SEARCH_DEBOUNCE_MS)
  remembered.set(session, { q, category })

  const { state, retry } = useLoad(
    (signal) =>
      listArticles(session.api, query || undefined, category || undefined, signal).then((r) => {
        setCategories(r.categories)
        return r
      }),
    [query, category]
  )

  const data = state.s === 'error' ? undefined : state.data
  let body
  if (state.s === 'error') body = <Failed message={t('articlesError')} onRetry={retry} />
  else if (!data) body = <Skeleton />
  else if (!data.items.length) body = <p class="note">{query ? t('articlesNoMatch', { q: query }) : t('articlesEmpty')}</p>
  else if (query || category) body = <Rows items={data.items} />
  else {
    body = group(data.items).map((g) => (
      <section key={g.id} class="group" aria-labelledby={`ze-cat-${g.id}`}>
        <h3 id={`ze-cat-${g.id}`}>{g.name}</h3>
        <Rows items={g.items} />
      </section>
    ))
  }

  return (
    <div aria-busy={state.s === 'loading'}>
      <SearchBox id="ze-article-q" label={t('searchArticles')} value={q} onInput={setQ} />
      {categories.length > 0 && <CategoryFilter categories={categories} value={category} onChange={setCategory} />}
      <p class="sr" role="status">
        {state.s === 'ok' && (query || category) ? t('articlesFound', { n: state.data.items.length }) : ''}
      </p>
      {body}
    </div>
  )
}
