import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useWidget } from './context'

type Loader<P> = () => Promise<{ default: ComponentType<P> }>

const cache = new Map<Loader<never>, ComponentType<never>>()

/**
 * Renders a view from a lazily loaded chunk. No Suspense: preact/compat would cost more
 * than the whole loader. A failed chunk load shows a retry instead of a blank panel.
 */
export function Lazy<P extends object>({ load, props }: { load: Loader<P>; props: P }) {
  const { session } = useWidget()
  const [Comp, setComp] = useState<ComponentType<P> | undefined>(() => cache.get(load as Loader<never>) as ComponentType<P> | undefined)
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const cached = cache.get(load as Loader<never>) as ComponentType<P> | undefined
    if (cached) { setComp(() => cached); return }
    let live = true
    setFailed(false)
    load().then(
      m => { cache.set(load as Loader<never>, m.default as ComponentType<never>); if (live) setComp(() => m.default) },
      () => { if (live) setFailed(true) }
    )
    return () => { live = false }
  }, [load, attempt])
  if (Comp) return <Comp {...props} />
  if (failed) {
    return (
      <div role="alert">
        <p class="err">{session.t('viewLoadError')}</p>
        <button type="button" class="btn" onClick={() => setAttempt(a => a + 1)}>{session.t('retry')}</button>
      </div>
    )
  }
  return <p aria-busy="true">{session.t('loading')}</p>
}
