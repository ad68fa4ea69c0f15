import { loadStrings, type Strings } from './i18n'
import { warn } from './log'
import { validateOptions, type ValidOptions } from './state/options'
import { createPanel, type OpenTarget, type PanelController } from './state/panel'
import { Session, type WidgetEvent } from './state/session'
import { attachSurface } from './ui/attach'

type Listener = (payload?: unknown) => void
const EVENTS: readonly WidgetEvent[] = ['unread', 'open', 'close', 'caseCreated', 'logout']
const TARGETS = ['home', 'ask', 'cases', 'articles', 'forum']

function toTarget(v: unknown): OpenTarget {
  if (typeof v === 'string' && TARGETS.includes(v)) return v as OpenTarget
  if (v && typeof v === 'object' && typeof (v as { caseId?: unknown }).caseId === 'string') return { caseId: (v as { caseId: string }).caseId }
  if (v !== undefined) warn('unknown view, opening home:', v)
  return 'home'
}

interface Floating {
  panel: PanelController
  detach: () => void
  unsubscribe: () => void
}

/** The object behind window.SupportWidget(…); every public command goes through `call`. */
export class WidgetController {
  private readonly listeners = new Map<WidgetEvent, Set<Listener>>()
  private session: Session | null = null
  private floating: Floating | null = null
  private readonly inlines = new Map<Element, () => void>()
  /** Set while init waits for its locale chunk: later calls queue behind it, in order. */
  private waiting: Promise<void> | null = null

  /** Never throws: a broken call is reported with console.warn and ignored. */
  call(command: unknown, args: unknown[]): unknown {
    const before = this.waiting
    if (before) {
      this.defer(
        before.then(() => {
          this.run(command, args)
        })
      )
      return undefined
    }
    return this.run(command, args)
  }

  private defer(p: Promise<void>): void {
    const link: Promise<void> = p.then(() => {
      if (this.waiting === link) this.waiting = null
    })
    this.waiting = link
  }

  private run(command: unknown, args: unknown[]): unknown {
    try {
      switch (command) {
        case 'init':
          return this.init(args[0])
        case 'open':
          return this.open(args[0])
        case 'close':
          return this.floatingPanel()?.close()
        case 'toggle':
          return this.toggle(args[0])
        case 'mount':
          return this.mount(args[0], args[1])
        case 'unmount':
          return this.unmount(args[0])
        case 'on':
          return this.on(args[0], args[1])
        case 'off':
          return this.off(args[0], args[1])
        case 'logout':
          this.session?.forgetDrafts()
          return this.logout()
        case 'destroy':
          this.session?.forgetDrafts()
          return this.destroy()
        default:
          warn('unknown command', command)
      }
    } catch (e) {
      warn(`${String(command)} failed:`, e)
    }
    return undefined
  }

  private emit = (event: WidgetEvent, payload?: unknown): void => {
    for (const fn of [...(this.listeners.get(event) ?? [])]) {
      try {
        fn(payload)
      } catch (e) {
        warn(`'${event}' listener threw`, e)
      }
    }
  }

  private init(raw: unknown): void {
    const options = validateOptions(raw)
    if (this.session) this.logout()
    this.defer(
      loadStrings(options.locale).then(
        (strings) => this.start(options, strings),
        (e) => warn('could not load strings', e)
      )
    )
  }

  private start(options: ValidOptions, strings: Strings): void {
    const session = (this.session = new Session(options, this.emit, strings))
    const panel = createPanel(false)
    let wasOpen = false
    const unsubscribe = panel.store.subscribe((s) => {
      const open = s.status === 'open'
      if (open === wasOpen) return
      wasOpen = open
      if (s.status === 'open') this.emit('open', { view: s.view.name })
      else this.emit('close')
    })
    const detach = attachSurface(document.body, { session, panel }, options.launcher === 'floating')
    this.floating = { panel, detach, unsubscribe }
    session.start()
  }

  private floatingPanel(): PanelController | null {
    if (!this.floating) warn('call init first')
    return this.floating?.panel ?? null
  }

  private open(view: unknown): void {
    this.floatingPanel()?.open(toTarget(view))
  }

  private toggle(view: unknown): void {
    const panel = this.floatingPanel()
    if (!panel) return
    if (panel.store.get().status === 'open') panel.close()
    else panel.open(toTarget(view))
  }

  private mount(element: unknown, opts: unknown): void {
    if (!this.session) {
      warn('call init first')
      return
    }
    if (!(element instanceof Element)) throw new Error('mount needs a DOM element')
    this.unmount(element)
    const view = opts && typeof opts === 'object' ? (opts as { view?: unknown }).view : undefined
    const panel = createPanel(true, toTarget(view ?? 'cases'))
    this.inlines.set(element, attachSurface(element, { session: this.session, panel }, false))
  }

  private unmount(element: unknown): void {
    if (!(element instanceof Element)) return
    this.inlines.get(element)?.()
    this.inlines.delete(element)
  }

  private on(event: unknown, fn: unknown): (() => void) | undefined {
    if (!EVENTS.includes(event as WidgetEvent) || typeof fn !== 'function') {
      warn('on(event, callback): unknown event or missing callback', event)
      return undefined
    }
    const set = this.listeners.get(event as WidgetEvent) ?? new Set<Listener>()
    set.add(fn as Listener)
    this.listeners.set(event as WidgetEvent, set)
    return () => this.off(event, fn)
  }

  private off(event: unknown, fn: unknown): void {
    this.listeners.get(event as WidgetEvent)?.delete(fn as Listener)
  }

  /** Ends the user's session: removes every element, listener and timer; host subscriptions stay for the next init. */
  private logout(): void {
    const hadSession = !!this.session
    for (const detach of this.inlines.values()) detach()
    this.inlines.clear()
    if (this.floating) {
      this.floating.unsubscribe()
      this.floating.detach()
      this.floating = null
    }
    this.session?.destroy()
    this.session = null
    if (hadSession) this.emit('logout')
  }

  /** logout plus forgetting the host's event subscriptions. */
  private destroy(): void {
    this.logout()
    this.listeners.clear()
  }
}
