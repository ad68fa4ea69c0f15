import type { AdminArticle, AdminArticleSummary, ArticlePatchInput } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { articles } from '../../api/articles'
import { ApiError } from '../../api/client'
import { formatDateTime, locale, useT } from '../../i18n'
import { navigate } from '../../state/route'
import { useStore } from '../../state/store'
import { usePreview } from './usePreview'

interface Draft {
  appId: string
  title: string
  slug: string
  category: string
  tags: string
  body: string
}

type Load = { status: 'loading' } | { status: 'failed'; notFound: boolean } | { status: 'ready'; article: AdminArticle | null }
type Notice = { kind: 'ok' | 'error'; text: string } | null

const toDraft = (a: AdminArticle): Draft => ({ appId: a.appId, title: a.title, slug: a.slug, category: a.category.name, tags: a.tags.join(', '), body: a.body })
const splitTags = (s: string) => [
  ...new Set(
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
  )
]
const errorText = (err: unknown) => (err instanceof ApiError ? err.message : String(err))

/** One article: Markdown on the left, the service-rendered preview on the right; save, publish, unpublish. */
export default function ArticleEditor({ id }: { id: string }) {
  const t = useT()
  const l = useStore(locale)
  const isNew = id === 'new'
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [known, setKnown] = useState<AdminArticleSummary[]>([])
  const [draft, setDraft] = useState<Draft>({ appId: '', title: '', slug: '', category: '', tags: '', body: '' })
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice>(null)
  const preview = usePreview(draft.body)

  useEffect(() => {
    const ctrl = new AbortController()
    // The other articles give the category and app choices.
    articles.list({}, ctrl.signal).then(
      ({ items }) => {
        setKnown(items)
        if (isNew) setDraft((d) => (d.appId ? d : { ...d, appId: items[0]?.appId ?? '' }))
      },
      () => undefined
    )
    if (isNew) setLoad({ status: 'ready', article: null })
    else
      articles.get(id, ctrl.signal).then(
        (article) => {
          setLoad({ status: 'ready', article })
          setDraft(toDraft(article))
        },
        (err: unknown) => !ctrl.signal.aborted && setLoad({ status: 'failed', notFound: err instanceof ApiError && (err.status === 404 || err.status === 400) })
      )
    return () => ctrl.abort()
  }, [id])

  const categories = [...new Map(known.map((a) => [a.category.id, a.category])).values()].sort((a, b) => a.name.localeCompare(b.name, 'pl'))
  const apps = [...new Set(known.map((a) => a.appId))]
  const categoryInput = (name: string) => {
    const match = categories.find((c) => c.name.toLocaleLowerCase('pl') === name.trim().toLocaleLowerCase('pl'))
    return match ? { id: match.id, name: match.name } : { name: name.trim() }
  }
  const set = (field: keyof Draft) => (e: Event) => setDraft((d) => ({ ...d, [field]: (e.currentTarget as HTMLInputElement).value }))

  const article = load.status === 'ready' ? load.article : null
  /** Only what changed, so the audit trail says which fields an edit touched. */
  const changes = (a: AdminArticle): ArticlePatchInput => {
    const p: ArticlePatchInput = {}
    if (draft.title !== a.title) p.title = draft.title
    if (draft.slug.trim() && draft.slug.trim() !== a.slug) p.slug = draft.slug.trim()
    if (draft.body !== a.body) p.body = draft.body
    if (draft.category.trim() !== a.category.name) p.category = categoryInput(draft.category)
    const tags = splitTags(draft.tags)
    if (tags.join('\n') !== a.tags.join('\n')) p.tags = tags
    return p
  }

  async function save(publish?: boolean) {
    setBusy(true)
    setNotice(null)
    try {
      if (!article) {
        const created = await articles.create({
          appId: draft.appId.trim(),
          title: draft.title,
          body: draft.body,
          category: categoryInput(draft.category),
          tags: splitTags(draft.tags),
          published: publish ?? false,
          ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {})
        })
        navigate({ name: 'article', id: created.id })
        return
      }
      const patch = { ...changes(article), ...(publish === undefined ? {} : { published: publish }) }
      if (Object.keys(patch).length === 0) {
        setNotice({ kind: 'ok', text: t('kbSaved') })
        return
      }
      const updated = await articles.update(article.id, patch)
      setLoad({ status: 'ready', article: updated })
      setDraft(toDraft(updated))
      setNotice({ kind: 'ok', text: publish === undefined ? t('kbSaved') : publish ? t('kbPublishedNow') : t('kbUnpublishedNow') })
    } catch (err) {
      setNotice({ kind: 'error', text: t('kbSaveFailed', { detail: errorText(err) }) })
    } finally {
      setBusy(false)
    }
  }

  if (load.status === 'loading')
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    )
  if (load.status === 'failed') return <p role="alert">{load.notFound ? t('kbNotFound') : t('loadFailed')}</p>

  return (
    <section class="kb-editor" aria-labelledby="kb-editor-title">
      <a href="#/kb" class="back">
        ← {t('kbBack')}
      </a>
      <h1 id="kb-editor-title">{article ? t('kbEditTitle', { title: article.title }) : t('kbNew')}</h1>
      {article && (
        <p class="meta">
          <span class={article.published ? 'pill pill-published' : 'pill pill-draft'}>{article.published ? t('kbPublished') : t('kbDraft')}</span>
          <span class="muted">
            {t('kbColUpdated')}: <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt, l)}</time>
          </span>
          <span>{t('kbHelpfulness', { yes: article.feedback.helpful, no: article.feedback.notHelpful })}</span>
        </p>
      )}
      <form
        class="kb-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <div class="kb-fields">
          {!article && (
            <label>
              {t('kbFieldApp')}
              <input required value={draft.appId} onInput={set('appId')} list="kb-apps" />
              <datalist id="kb-apps">
                {apps.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
            </label>
          )}
          <label>
            {t('kbFieldTitle')}
            <input required maxLength={200} value={draft.title} onInput={set('title')} />
          </label>
          <div class="kb-field">
            <label>
              {t('kbFieldSlug')}
              <input value={draft.slug} onInput={set('slug')} pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={120} aria-describedby="kb-slug-hint" />
            </label>
            <span id="kb-slug-hint" class="muted small">
              {t('kbSlugHint')}
              {article && article.previousSlugs.length > 0 && ` ${t('kbPreviousSlugs', { slugs: article.previousSlugs.join(', ') })}`}
            </span>
          </div>
          <label>
            {t('kbCategory')}
            <input required maxLength={80} value={draft.category} onInput={set('category')} list="kb-categories" />
            <datalist id="kb-categories">
              {categories.map((c) => (
                <option key={c.id} value={c.name} />
              ))}
            </datalist>
          </label>
          <label>
            {t('kbFieldTags')}
            <input value={draft.tags} onInput={set('tags')} />
          </label>
        </div>
        <div class="kb-panes">
          <div class="kb-source">
            <label>
              {t('kbFieldBody')}
              <textarea required rows={22} value={draft.body} onInput={set('body')} aria-describedby="kb-body-hint" />
            </label>
            <span id="kb-body-hint" class="muted small">
              {t('kbBodyHint')}
            </span>
          </div>
          <section class="kb-preview" aria-labelledby="kb-preview-title" aria-busy={preview.status === 'loading'}>
            <h2 id="kb-preview-title">{t('kbPreview')}</h2>
            <p class="muted small">{t('kbPreviewHint')}</p>
            {preview.status === 'failed' && <p role="alert">{t('kbPreviewFailed', { detail: preview.detail })}</p>}
            {preview.status === 'ready' && (
              // Sanitised by the service (the same pipeline as a save); links are inert here.
              <div
                class="article-html"
                onClick={(e) => (e.target as HTMLElement).closest('a') && e.preventDefault()}
                dangerouslySetInnerHTML={{ __html: preview.html }}
              />
            )}
          </section>
        </div>
        <div class="send">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('kbSaving') : t('kbSave')}
          </button>
          {article?.published ? (
            <button type="button" disabled={busy} onClick={() => void save(false)}>
              {t('kbUnpublish')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void save(true)}>
              {t('kbPublish')}
            </button>
          )}
          {notice && (
            <span role={notice.kind === 'error' ? 'alert' : 'status'} class={notice.kind === 'error' ? 'error' : 'muted'}>
              {notice.text}
            </span>
          )}
        </div>
      </form>
    </section>
  )
}
