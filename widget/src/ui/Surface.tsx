import { useEffect, useRef } from 'preact/hooks'
import { useStore } from '../state/store'
import { Ctx, useWidget, type WidgetCtx } from './context'
import { Panel } from './Panel'

function Floating({ launcher }: { launcher: boolean }) {
  const { session, panel } = useWidget()
  const state = useStore(panel.store)
  const unread = useStore(session.unread)
  const button = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(false)

  useEffect(() => {
    const open = state.status === 'open'
    if (!open && wasOpen.current) {
      // With launcher:'none' the host's own "?" opened us: focus goes back to it.
      const back = button.current ?? panel.openedFrom
      if (back instanceof HTMLElement && back.isConnected) back.focus()
    }
    wasOpen.current = open
  }, [state.status])

  const { t } = session
  const label = unread ? `${t('pomoc')}. ${t('unreadBadge', { n: unread })}` : t('pomoc')
  return (
    <>
      {launcher && (
        <button
          ref={button}
          type="button"
          class="launcher"
          aria-label={label}
          aria-expanded={state.status === 'open'}
          onClick={() => (state.status === 'open' ? panel.close() : panel.open('home'))}
        >
          <span aria-hidden="true">?</span>
          {unread > 0 && (
            <span class="badge" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </button>
      )}
      {state.status === 'open' && <Panel state={state} focusOnMount launcher={launcher} />}
    </>
  )
}

function Inline() {
  const { panel } = useWidget()
  const state = useStore(panel.store)
  return state.status === 'open' ? <Panel state={state} focusOnMount={false} /> : null
}

export function Surface({ ctx, launcher }: { ctx: WidgetCtx; launcher: boolean }) {
  return (
    <Ctx.Provider value={ctx}>
      <div class="root">{ctx.panel.inline ? <Inline /> : <Floating launcher={launcher} />}</div>
    </Ctx.Provider>
  )
}
