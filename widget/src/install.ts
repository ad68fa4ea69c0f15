import { WidgetController } from './widget'

type Queued = ArrayLike<unknown>
export interface SupportWidgetFn {
  (command: string, ...args: unknown[]): unknown
  q?: Queued[]
  /** Marks the real implementation so a second copy of the script does not replace it. */
  loaded?: true
}

/**
 * Replaces the queue stub from the embed snippet with the real function and replays
 * the calls made before the script arrived, in order.
 */
export function install(win: Window & { SupportWidget?: SupportWidgetFn }): SupportWidgetFn {
  const existing = win.SupportWidget
  if (existing?.loaded) return existing
  const controller = new WidgetController()
  const api: SupportWidgetFn = (command, ...args) => controller.call(command, args)
  api.loaded = true
  win.SupportWidget = api
  for (const call of existing?.q ?? []) {
    const [command, ...args] = Array.from(call)
    controller.call(command, args)
  }
  return api
}
