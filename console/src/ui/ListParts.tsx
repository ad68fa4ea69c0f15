import type { Ref } from 'preact'
import { useState } from 'preact/hooks'
import { useT } from '../i18n'

/** A list's search box: the text is applied on Enter or "Szukaj", not on every key. */
export function SearchForm({ label, onSearch, inputRef }: { label: string; onSearch: (q: string) => void; inputRef?: Ref<HTMLInputElement> }) {
  const t = useT()
  const [q, setQ] = useState('')
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault()
        onSearch(q.trim())
      }}
    >
      <input ref={inputRef} type="search" aria-label={label} placeholder={label} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      <button type="submit">{t('search')}</button>
    </form>
  )
}

/** "Wczytywanie…" while a list loads; the failure with "Spróbuj ponownie". */
export function LoadNotice({ status, onRetry }: { status: 'loading' | 'failed' | 'ready'; onRetry: () => void }) {
  const t = useT()
  if (status === 'loading')
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    )
  if (status !== 'failed') return null
  return (
    <p role="alert">
      {t('loadFailed')}{' '}
      <button type="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </p>
  )
}
