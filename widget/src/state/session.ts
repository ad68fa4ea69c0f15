import type { CaseEvent, MessageEvent } from '@ze/contract'
import { ApiClient } from '../api/client'
import type { Me } from '../api/types'
import { makeTranslator, type Locale, type Strings, type Translate } from '../i18n'
import type { ValidOptions } from './options'
import { createStore, type Store } from './store'

export type MeState = { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'error'; error: unknown }

/** A change pushed by the event stream; open views refetch what it names. */
export type LiveEvent = ({ type: 'message' } & MessageEvent) | ({ type: 'case' } & CaseEvent)

export type WidgetEvent = 'unread' | 'open' | 'close' | 'caseCreated' | 'logout'
export type Emit = (event: WidgetEvent, payload?: unknown) => void

export const POLL_MS = 30_000

/** Which form a draft belongs to: the question, or the reply to one case. */
export type DraftScope = 'ask' | `reply:${string}`

/**
 * Everything tied to one logged-in user: the API client, /me, the unread poller, drafts.
 * Shared by the floating panel and any inline mounts; logout destroys it.
 */
export class Session {
  readonly api: ApiClient
  readonly t: Translate
  readonly locale: Locale
  readonly me: Store<MeState> = createStore<MeState>({ status: 'loading' })
  readonly unread: Store<number> = createStore(0)
  readonly live: Store<LiveEvent | null> = createStore<LiveEvent | null>(null)
  /** Files picked for an unsent question or reply survive closing the panel (not a reload: a File can't be stored). */
  private readonly draftFiles = new Map<DraftScope, File[]>()
  /** A suggestion was opened (and reported, `?via=suggestion`) while the question being written now was: sent with it, reset after. */
  suggested = false
  private lastUnread: number | null = null
  private lastFetch = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private inflight: AbortController | null = null
  private destroyed = false
  private readonly onVisibility = (): void => this.visibilityChanged()
  /** The event stream (a lazy chunk) while the tab is visible; the poll rests while it is up. */
  private stream: { stop(): void } | null = null
  private streaming = false
  private started = false

  constructor(
    readonly options: ValidOptions,
    private readonly emit: Emit,
    strings: Strings
  ) {
    this.api = new ApiClient(options)
    this.t = makeTranslator(strings, options.strings)
    this.locale = options.locale
  }

  start(): void {
    this.started = true
    document.addEventListener('visibilitychange', this.onVisibility)
    if (document.visibilityState === 'visible') void this.refresh()
  }

  emitEvent: Emit = (event, payload) => {
    if (!this.destroyed) this.emit(event, payload)
  }

  /** Re-reads /me (capabilities + unread count); cheap enough to call after any case action. */
  async refresh(): Promise<void> {
    if (this.destroyed) return
    this.inflight?.abort()
    const ctrl = (this.inflight = new AbortController())
    this.lastFetch = Date.now()
    try {
      const me = await this.api.me(ctrl.signal)
      if (this.destroyed || ctrl.signal.aborted) return
      this.me.set({ status: 'ready', me })
      this.setUnread(me.unreadCount)
      this.startStream()
    } catch (error) {
      if (this.destroyed || ctrl.signal.aborted) return
      // A failed poll keeps the last good /me; only the first load shows an error.
      if (this.me.get().status !== 'ready') this.me.set({ status: 'error', error })
    } finally {
      if (this.inflight === ctrl) this.inflight = null
      this.schedule()
    }
  }

  private startStream(): void {
    const me = this.me.get()
    if (this.stream || !this.started || me.status !== 'ready' || me.me.user.role !== 'office_chief' || document.visibilityState !== 'visible') return
    const pending = (this.stream = {
      stop: () => {
        this.stream = null
      }
    })
    import('../live/stream').then(
      (m) => {
        if (this.stream === pending) this.stream = m.openStream(this)
      },
      () => {
        if (this.stream === pending) this.stream = null
      }
    )
  }

  /** Called by the stream: while it is up the 30 s poll rests, when it drops the poll takes over. */
  streamState(up: boolean): void {
    if (up === this.streaming) return
    this.streaming = up
    if (up) clearTimeout(this.timer)
    else this.schedule()
  }

  setUnread(n: number): void {
    this.unread.set(n)
    if (n !== this.lastUnread) {
      this.lastUnread = n
      this.emitEvent('unread', n)
    }
  }

  private schedule(delay = POLL_MS): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.destroyed || this.streaming || document.visibilityState !== 'visible') return
    this.timer = setTimeout(() => void this.refresh(), delay)
  }

  private visibilityChanged(): void {
    if (document.visibilityState !== 'visible') {
      clearTimeout(this.timer)
      this.timer = undefined
      this.stream?.stop()
      this.stream = null
      return
    }
    this.startStream()
    // Returning to the tab refreshes at once unless the last poll is recent: never faster than POLL_MS.
    const since = Date.now() - this.lastFetch
    if (since >= POLL_MS) void this.refresh()
    else this.schedule(POLL_MS - since)
  }

  /** `ze-draft:<app>:<user>` for the question, `…:reply:<case>` for a reply to that case. */
  private draftKey(scope: DraftScope): string | null {
    const me = this.me.get()
    if (me.status !== 'ready') return null
    const base = `ze-draft:${this.options.appId}:${me.me.user.id}`
    return scope === 'ask' ? base : `${base}:${scope}`
  }

  loadDraft(scope: DraftScope = 'ask'): string {
    const key = this.draftKey(scope)
    try {
      return (key && localStorage.getItem(key)) || ''
    } catch {
      return ''
    }
  }

  saveDraft(text: string, scope: DraftScope = 'ask'): void {
    const key = this.draftKey(scope)
    if (!key) return
    try {
      if (text) localStorage.setItem(key, text)
      else localStorage.removeItem(key)
    } catch {
      /* storage full or blocked: the draft just won't survive a reload */
    }
  }

  loadDraftFiles(scope: DraftScope = 'ask'): File[] {
    return this.draftFiles.get(scope) ?? []
  }

  saveDraftFiles(files: File[], scope: DraftScope = 'ask'): void {
    if (files.length) this.draftFiles.set(scope, files)
    else this.draftFiles.delete(scope)
  }

  /** An explicit logout leaves no text of this user behind in the browser (shared office computers). */
  forgetDrafts(): void {
    this.draftFiles.clear()
    const base = this.draftKey('ask')
    if (!base) return
    try {
      const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))
      for (const key of keys) if (key === base || key?.startsWith(`${base}:`)) localStorage.removeItem(key)
    } catch {
      /* storage blocked: nothing was saved either */
    }
  }

  destroy(): void {
    this.destroyed = true
    clearTimeout(this.timer)
    this.inflight?.abort()
    this.stream?.stop()
    document.removeEventListener('visibilitychange', this.onVisibility)
    this.draftFiles.clear()
  }
}
