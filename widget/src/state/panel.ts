import type { CasesTab } from '../api/cases'
import type { EntryPoint } from '../api/types'
import { createStore, type Store } from './store'

/** Every screen the panel can show. `forum` with `compose` is the "Nowy wątek" form (`title`: carried over from a search). */
export type View =
  | { name: 'home' }
  | { name: 'ask' }
  | { name: 'cases'; tab: CasesTab }
  | { name: 'case'; caseId: string }
  | { name: 'articles' }
  /** `via`: opened from the suggestions under a question being written (statistics: deflection). */
  | { name: 'article'; slug: string; via?: boolean }
  | { name: 'forum'; compose?: boolean; title?: string }
  | { name: 'thread'; id: string; via?: boolean }

export type PanelState = { status: 'closed' } | { status: 'open'; view: View; history: View[]; entryPoint: EntryPoint }

/** What the host may pass to open()/mount(): widget/README.md, JS API. */
export type OpenTarget = 'home' | 'ask' | 'cases' | 'articles' | 'forum' | { caseId: string }

export function viewFor(target: OpenTarget | undefined): View {
  if (target && typeof target === 'object') {
    if (typeof target.caseId === 'string' && target.caseId) return { name: 'case', caseId: target.caseId }
    return { name: 'home' }
  }
  switch (target) {
    case 'ask':
      return { name: 'ask' }
    case 'cases':
      return { name: 'cases', tab: 'active' }
    case 'articles':
      return { name: 'articles' }
    case 'forum':
      return { name: 'forum' }
    default:
      return { name: 'home' }
  }
}

/**
 * The entry point recorded with a new case (R2–R4):
 * - inline mount (START » WIADOMOŚCI) → 'messages'
 * - floating panel opened on the case history (avatar menu → Moje pytania, or a case) → 'avatar'
 * - floating panel opened any other way (the "?" in the right sidebar, the launcher) → 'sidebar'
 */
export function entryPointFor(target: OpenTarget | undefined, inline: boolean): EntryPoint {
  if (inline) return 'messages'
  return target === 'cases' || (typeof target === 'object' && target !== null) ? 'avatar' : 'sidebar'
}

export interface PanelController {
  readonly store: Store<PanelState>
  readonly inline: boolean
  /** A view's own title for the header (a case: its number and subject); null → the view's name. */
  readonly heading: Store<string | null>
  /** The host element that had focus when the floating panel opened; focus returns there. */
  readonly openedFrom: Element | null
  open(target?: OpenTarget): void
  close(): void
  navigate(view: View): void
  /** Swap the current view without adding a history step (e.g. after sending a question). */
  replace(view: View): void
  back(): void
}

export function createPanel(inline: boolean, initial?: OpenTarget): PanelController {
  const store = createStore<PanelState>(inline ? { status: 'open', view: viewFor(initial), history: [], entryPoint: 'messages' } : { status: 'closed' })
  const update = (fn: (s: Extract<PanelState, { status: 'open' }>) => PanelState): void => store.set((s) => (s.status === 'open' ? fn(s) : s))
  const panel: PanelController = {
    store,
    inline,
    heading: createStore<string | null>(null),
    openedFrom: null,
    open(target) {
      // Recorded before rendering: once the panel mounts, focus is already inside it.
      if (!inline && store.get().status === 'closed') {
        const active = typeof document !== 'undefined' ? document.activeElement : null
        ;(panel as { openedFrom: Element | null }).openedFrom = active && active !== document.body ? active : null
      }
      store.set({ status: 'open', view: viewFor(target), history: [], entryPoint: entryPointFor(target, inline) })
    },
    close() {
      if (!inline) store.set({ status: 'closed' })
    },
    navigate(view) {
      update((s) => ({ ...s, view, history: [...s.history, s.view] }))
    },
    replace(view) {
      update((s) => ({ ...s, view }))
    },
    back() {
      update((s) => {
        const prev = s.history[s.history.length - 1]
        return { ...s, view: prev ?? { name: 'home' }, history: s.history.slice(0, -1) }
      })
    }
  }
  return panel
}
