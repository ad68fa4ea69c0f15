import { useEffect, useState } from 'preact/hooks'
import { articles } from '../../api/articles'
import { ApiError } from '../../api/client'

const DEBOUNCE_MS = 300

export type Preview = { status: 'idle' | 'loading' } | { status: 'ready'; html: string } | { status: 'failed'; detail: string }

/**
 * The live preview: the Markdown is sent to POST /admin/v1/articles/preview a moment after the
 * expert stops typing, so the console shows the service's own rendering and sanitising (ADR 0004)
 * instead of a second renderer of its own that could disagree with what readers get.
 */
export function usePreview(body: string): Preview {
  const [preview, setPreview] = useState<Preview>({ status: 'idle' })
  useEffect(() => {
    const ctrl = new AbortController()
    const timer = setTimeout(() => {
      setPreview((p) => (p.status === 'ready' ? p : { status: 'loading' }))
      articles.preview(body, ctrl.signal).then(
        (r) => setPreview({ status: 'ready', html: r.html }),
        (err: unknown) => !ctrl.signal.aborted && setPreview({ status: 'failed', detail: err instanceof ApiError ? err.message : String(err) })
      )
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      ctrl.abort()
    }
  }, [body])
  return preview
}
