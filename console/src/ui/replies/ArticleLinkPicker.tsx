import type { ArticleLink } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { useT } from '../../i18n'
import { articleLinkText } from '../../state/saved-replies'
import { Picker } from './Picker'

const DEBOUNCE_MS = 250

/** "Link do artykułu": published articles of the case's app; picks insert `[title](article:slug)`. */
export function ArticleLinkPicker({ appId, onPick, onClose }: { appId: string; onPick: (text: string) => void; onClose: () => void }) {
  const t = useT()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<ArticleLink[] | 'loading' | 'failed'>('loading')
  useEffect(() => {
    const ctrl = new AbortController()
    const timer = setTimeout(() => {
      admin.articleLinks(appId, query.trim(), ctrl.signal).then(
        (res) => setFound(res.items),
        () => !ctrl.signal.aborted && setFound('failed')
      )
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      ctrl.abort()
    }
  }, [appId, query])
  const items = Array.isArray(found) ? found : []
  const status =
    found === 'failed' ? (
      <p role="alert">{t('loadFailed')}</p>
    ) : found === 'loading' ? (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    ) : items.length === 0 ? (
      <p class="muted" role="status">
        {t('articlesNoMatch')}
      </p>
    ) : undefined
  return (
    <Picker
      label={t('articleLink')}
      query={query}
      onQuery={setQuery}
      status={status}
      items={items.map((a) => ({ id: a.slug, title: a.title, meta: a.categoryName }))}
      onPick={(slug) => {
        const a = items.find((x) => x.slug === slug)
        if (a) onPick(articleLinkText(a.title, a.slug))
      }}
      onClose={onClose}
    />
  )
}
