import { useEffect, useState } from 'preact/hooks'
import { isAbort } from '../../api/errors'

/** While reloading (a new search), `data` still holds the previous answer so lists don't flicker. */
export type Load<T> = { s: 'loading'; data?: T } | { s: 'ok'; data: T } | { s: 'error'; error: unknown }

/**
 * Loads once per change of `deps`; a newer load aborts the older one, so a slow stale
 * answer (e.g. an old search) can never overwrite a fresh one. `retry` repeats the load.
 */
export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<Load<T>>({ s: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const ctrl = new AbortController()
    setState((prev) => (prev.s === 'loading' ? prev : { s: 'loading', data: prev.s === 'ok' ? prev.data : undefined }))
    fetcher(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ s: 'ok', data })
      },
      (error) => {
        if (!ctrl.signal.aborted && !isAbort(error)) setState({ s: 'error', error })
      }
    )
    return () => ctrl.abort()
  }, [...deps, attempt])
  return { state, setState, retry: () => setAttempt((a) => a + 1) }
}

/** `value` once it has stopped changing for `ms` (search boxes: one request per pause). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return v
}
