import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useT } from '../i18n'

/**
 * A view loaded on first use (its own chunk, so the initial load stays small). Preact's
 * `lazy` lives in preact/compat; this is the few lines the console needs of it.
 */
export function lazyView<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null
  return function LazyView(props: P) {
    const t = useT()
    const [View, setView] = useState<ComponentType<P> | null>(() => loaded)
    const [failed, setFailed] = useState(false)
    useEffect(() => {
      if (View) return
      let live = true
      load()
        .then((m) => {
          loaded = m.default
          if (live) setView(() => m.default)
        })
        .catch(() => live && setFailed(true))
      return () => {
        live = false
      }
    }, [View])
    if (failed) return <p role="alert">{t('loadFailed')}</p>
    return View ? (
      <View {...props} />
    ) : (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    )
  }
}
