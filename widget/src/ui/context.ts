import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { PanelController } from '../state/panel'
import type { Session } from '../state/session'

export interface WidgetCtx {
  session: Session
  panel: PanelController
}

export const Ctx = createContext<WidgetCtx | null>(null)

export function useWidget(): WidgetCtx {
  const c = useContext(Ctx)
  if (!c) throw new Error('SupportWidget component rendered outside its surface')
  return c
}
