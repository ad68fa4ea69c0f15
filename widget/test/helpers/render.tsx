import { render } from '@testing-library/preact'
import { vi } from 'vitest'
import type { Me } from '../../src/api/types'
import { pl } from '../../src/i18n/pl'
import { validateOptions, type InitOptions } from '../../src/state/options'
import { createPanel, type OpenTarget } from '../../src/state/panel'
import { Session } from '../../src/state/session'
import { Surface } from '../../src/ui/Surface'
import { API } from './fakeApi'
import { freshToken } from './factories'

export interface Setup {
  inline?: boolean
  target?: OpenTarget
  me?: Me | null
  options?: Partial<InitOptions>
}

/** Renders one surface (floating panel already open, or inline) around a ready session. */
export function renderWidget({ inline = false, target = 'home', me, options }: Setup = {}) {
  const emit = vi.fn()
  const session = new Session(validateOptions({ apiUrl: API, appId: 'app-1', token: freshToken(), ...options }), emit, pl)
  if (me) session.me.set({ status: 'ready', me })
  const panel = createPanel(inline, target)
  if (!inline) panel.open(target)
  const view = render(<Surface ctx={{ session, panel }} launcher={!inline} />)
  return { ...view, session, panel, emit }
}
