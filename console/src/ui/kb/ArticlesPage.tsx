import type { AdminArticleSummary } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { articles } from '../../api/articles'
import { formatDateTime, locale, useT } from '../../i18n'
import { useStore } from '../../state/store'
import { LoadNotice, SearchForm } from '../ListParts'

type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: AdminArticleSummary[] }
type StatusFilter = '' | 'draft' | 'published'

/** "Baza wiedzy": every article with its category, status, last edit and "Czy to pomogło?" votes. */
export default function ArticlesPage() {
  const t = useT()
  const l = useStore(locale)
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<StatusFilter>('')
  const [category, setCategory] = useState('')
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [categories, setCategories] = useState<Array<{ id: string; name: string }>>([])
  const [tick, setTick] = useState(0)

  useEffect(() => {
    const ctrl = new AbortController()
    setLoad({ status: 'loading' })
    const filter = { q: search || undefined, category: category || undefined, published: status === '' ? undefined : status === 'published' }
    articles.list(filter, ctrl.signal).then(
      ({ items }) => {
        setLoad({ status: 'ready', items })
        // The category filter offers every category seen, so narrowing never hides the others.
        setCategories((known) => {
          const byId = new Map(known.map((c) => [c.id, c]))
          for (const a of items) byId.set(a.category.id, a.category)
          return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'pl'))
        })
      },
      () => !ctrl.signal.aborted && setLoad({ status: 'failed' })
    )
    return () => ctrl.abort()
  }, [search, status, category, tick])

  const items = load.status === 'ready' ? load.items : []
  return (
    <section class="kb" aria-labelledby="kb-title">
      <div class="kb-head">
        <h1 id="kb-title">{t('kbTitle')}</h1>
        <a class="button primary" href="#/kb/new">
          {t('kbNew')}
        </a>
      </div>
      <div class="filters">
        <SearchForm label={t('kbSearchLabel')} onSearch={setSearch} />
        <label>
          {t('kbStatusFilter')}{' '}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)}>
            <option value="">{t('kbAllStatuses')}</option>
            <option value="draft">{t('kbDrafts')}</option>
            <option value="published">{t('kbPublishedOnly')}</option>
          </select>
        </label>
        <label>
          {t('kbCategory')}{' '}
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('kbAllCategories')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LoadNotice status={load.status} onRetry={() => setTick((n) => n + 1)} />
      {load.status === 'ready' && items.length === 0 && <p class="muted">{t('kbEmpty')}</p>}
      {items.length > 0 && (
        <table class="kb-table">
          <caption class="sr">{t('kbArticles')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kbColTitle')}</th>
              <th scope="col">{t('kbCategory')}</th>
              <th scope="col">{t('kbColStatus')}</th>
              <th scope="col">{t('kbColUpdated')}</th>
              <th scope="col">{t('kbColHelpful')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`#/kb/${encodeURIComponent(a.id)}`}>{a.title}</a>
                  <div class="muted small">/{a.slug}</div>
                </td>
                <td>{a.category.name}</td>
                <td>
                  <span class={a.published ? 'pill pill-published' : 'pill pill-draft'}>{a.published ? t('kbPublished') : t('kbDraft')}</span>
                </td>
                <td>
                  <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt, l)}</time>
                </td>
                <td>{t('kbVotes', { yes: a.feedback.helpful, no: a.feedback.notHelpful })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
