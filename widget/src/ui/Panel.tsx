import { useEffect, useRef } from 'preact/hooks'
import type { PanelState } from '../state/panel'
import { useStore } from '../state/store'
import { useWidget } from './context'
import { CurrentView, viewTitle } from './views'

type Open = Extract<PanelState, { status: 'open' }>

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),select:not([disabled]),[tabindex]:not([tabindex="-1"])'

function activeIn(el: HTMLElement): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot
  return root.activeElement
}

/** Keeps Tab inside the modal dialog (§9); the inline mount is part of the page and has no trap. */
function trapTab(e: KeyboardEvent, box: HTMLElement): void {
  const items = Array.from(box.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hidden)
  const first = items[0]
  const last = items[items.length - 1]
  if (!first || !last) {
    e.preventDefault()
    return
  }
  const active = activeIn(box)
  if (e.shiftKey && (active === first || !box.contains(active))) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && (active === last || !box.contains(active))) {
    e.preventDefault()
    first.focus()
  }
}

export function Panel({ state, focusOnMount, launcher }: { state: Open; focusOnMount: boolean; launcher?: boolean }) {
  const { session, panel } = useWidget()
  const { t } = session
  const box = useRef<HTMLDivElement>(null)
  const title = useRef<HTMLHeadingElement>(null)
  const first = useRef(true)
  const heading = useStore(panel.heading)

  // Focus follows the view so screen-reader users hear where they are; an inline mount
  // does not steal focus from the host page when it first renders.
  useEffect(() => {
    if (first.current && !focusOnMount) {
      first.current = false
      return
    }
    first.current = false
    title.current?.focus()
  }, [state.view])

  const onKeyDown = (e: KeyboardEvent): void => {
    if (panel.inline || !box.current) return
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      panel.close()
    } else if (e.key === 'Tab') trapTab(e, box.current)
  }

  return (
    <div
      ref={box}
      class={panel.inline ? 'panel inline' : launcher ? 'panel' : 'panel nol'}
      role={panel.inline ? 'region' : 'dialog'}
      aria-modal={panel.inline ? undefined : 'true'}
      aria-labelledby="ze-title"
      onKeyDown={onKeyDown}
    >
      <div class="head">
        {state.history.length > 0 && (
          <button type="button" onClick={() => panel.back()} aria-label={t('back')}>
            <span aria-hidden="true">←</span>
          </button>
        )}
        <h2 id="ze-title" tabIndex={-1} ref={title}>
          {heading ?? t(viewTitle(state.view))}
        </h2>
        {!panel.inline && (
          <button type="button" onClick={() => panel.close()} aria-label={t('close')}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <div class="body">
        <CurrentView view={state.view} />
      </div>
    </div>
  )
}
