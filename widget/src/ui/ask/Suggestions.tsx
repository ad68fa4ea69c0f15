import { useEffect, useState } from 'preact/hooks'
import { suggestions } from '../../api/content'
import type { Suggestion } from '../../api/types'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'

export const SUGGEST_DEBOUNCE_MS = 300
const MIN_CHARS = 3

/**
 * Deflection (docs/requirements.md P-deflection): articles and solved threads matching the draft. Opening one
 * navigates inside the panel; the draft is already saved, so Back restores it.
 */
export function Suggestions({ query }: { query: string }) {
  const { session, panel } = useWidget()
  const [items, setItems] = useState<Suggestion[]>([])
  const q = query.trim()

  useEffect(() => {
    if (q.length < MIN_CHARS) {
      setItems([])
      return
    }
    const ctrl = new AbortController()
    const timer = setTimeout(() => {
      suggestions(session.api, q, ctrl.signal).then(
        (r) => setItems(r.items.slice(0, 5)),
        () => {
          /* suggestions are a nicety: failures stay silent */
        }
      )
    }, SUGGEST_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      ctrl.abort()
    }
  }, [q])

  if (!items.length) return null
  return (
    <section class="suggest" aria-labelledby="ze-suggest">
      <h3 id="ze-suggest">{useExpertT()('suggestionsTitle')}</h3>
      <ul>
        {items.map((s) => (
          <li key={s.kind + s.id}>
            <button
              type="button"
              class="link"
              onClick={() =>
                panel.navigate(s.kind === 'article' ? { name: 'article', slug: s.slug ?? s.id, via: true } : { name: 'thread', id: s.id, via: true })
              }
            >
              {s.title}
            </button>
            <span class="hint">{s.excerpt}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
