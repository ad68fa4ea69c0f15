import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useWidget } from './context'
import { Skeleton } from './Skeleton'

/** `attempt` 0 is the plain import; a retry asks for a fresh copy (see `chunk`). */
export type Loader<P> = (attempt: number) => Promise<{ default: ComponentType<P> }>

/** Longer than a 17 KB chunk takes on slow 3G; a hung server otherwise leaves the skeleton forever. */
export const CHUNK_TIMEOUT_MS = 15_000

// A free name the build replaces with { chunk name: file name } once hashes exist
// (scripts/build.mjs); undeclared in tests, where the plain import is all there is.
declare const __ZE_CHUNKS__: Record<string, string> | undefined

/**
 * A retry of a hung chunk. Importing the same URL again would wait for the same hung request
 * (the browser's module map keeps it), so ask for `file?retry=N`: a new request, while the
 * chunk's own relative imports still resolve to the modules already loaded.
 */
export function chunk<M>(name: string, attempt: number, plain: () => Promise<M>): Promise<M> {
  const file = typeof __ZE_CHUNKS__ === 'object' ? __ZE_CHUNKS__[name] : undefined
  if (!attempt || !file) return plain()
  const base = import.meta.url
  return import(/* @vite-ignore */ new URL(`${file}?retry=${attempt}`, base).href) as Promise<M>
}

const cache = new Map<Loader<never>, ComponentType<never>>()

/**
 * Renders a view from a lazily loaded chunk. No Suspense: preact/compat would cost more
 * than the whole loader. A chunk that fails or hangs shows a retry instead of a skeleton
 * forever; if the slow load arrives after all, the view replaces the message.
 */
export function Lazy<P extends object>({ load, props }: { load: Loader<P>; props: P }) {
  const { session } = useWidget()
  const key = load as Loader<never>
  const [Comp, setComp] = useState<ComponentType<P> | undefined>(() => cache.get(key) as ComponentType<P> | undefined)
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const cached = cache.get(key) as ComponentType<P> | undefined
    if (cached) {
      setComp(() => cached)
      return
    }
    let live = true
    setFailed(false)
    const timer = setTimeout(() => {
      if (live) setFailed(true)
    }, CHUNK_TIMEOUT_MS)
    load(attempt)
      .then(
        (m) => {
          cache.set(key, m.default as ComponentType<never>)
          if (live) {
            setComp(() => m.default)
            setFailed(false)
          }
        },
        () => {
          if (live) setFailed(true)
        }
      )
      .finally(() => clearTimeout(timer))
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [load, attempt])
  if (Comp) return <Comp {...props} />
  if (failed) {
    return (
      <div role="alert">
        <p class="err">{session.t('viewLoadError')}</p>
        <button type="button" class="btn" onClick={() => setAttempt((a) => a + 1)}>
          {session.t('retry')}
        </button>
      </div>
    )
  }
  return <Skeleton />
}
