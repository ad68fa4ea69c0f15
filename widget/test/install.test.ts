import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, expect, onTestFinished, test, vi } from 'vitest'
import { install, type SupportWidgetFn } from '../src/install'
import { freshToken, makeMe } from './helpers/factories'
import { API, installFakeApi, type FakeApi } from './helpers/fakeApi'

type Win = Window & { SupportWidget?: SupportWidgetFn }
const win = window as Win
let api: FakeApi

beforeEach(() => {
  delete win.SupportWidget
  api = installFakeApi({ 'GET /api/v1/me': { body: makeMe({ unreadCount: 3 }) } })
})
afterEach(() => {
  win.SupportWidget?.('destroy')
  document.head.querySelectorAll('style[data-test]').forEach((s) => s.remove())
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** The exact snippet hosts paste before the async script tag. */
function snippet(): SupportWidgetFn {
  const w = win as unknown as { SupportWidget: SupportWidgetFn }
  w.SupportWidget =
    w.SupportWidget ||
    (function (...args: unknown[]) {
      ;(w.SupportWidget.q = w.SupportWidget.q || []).push(args)
    } as SupportWidgetFn)
  return w.SupportWidget
}

const init = { apiUrl: API, appId: 'app-1', token: freshToken() }
const host = () => document.querySelector<HTMLElement>('[data-support-widget=floating]')
const shadow = () => host()!.shadowRoot!
const q = <T extends Element>(sel: string) => shadow().querySelector<T>(sel)

test('calls queued before the script loaded are replayed in order', async () => {
  const sw = snippet()
  const onUnread = vi.fn()
  sw('on', 'unread', onUnread)
  sw('init', init)
  sw('open', 'cases')
  install(win)
  expect(win.SupportWidget).not.toBe(sw)
  await waitFor(() => expect(q('[role=dialog]')).toBeTruthy())
  await waitFor(() => expect(onUnread).toHaveBeenCalledWith(3))
  expect(onUnread).toHaveBeenCalledTimes(1)
  expect(api.called('GET /api/v1/me')).toHaveLength(1)
  // a second copy of the script keeps the first
  expect(install(win)).toBe(win.SupportWidget)
})

test('one host element with one open shadow root; styles only inside it; theme as custom properties', async () => {
  install(win)
  const styleCount = document.querySelectorAll('style').length
  win.SupportWidget!('init', { ...init, theme: { brandColor: '#005a32', fontFamily: 'Lato, sans-serif' } })
  await waitFor(() => expect(host()).toBeTruthy())
  expect(document.querySelectorAll('[data-support-widget]')).toHaveLength(1)
  expect(document.querySelectorAll('style').length).toBe(styleCount)
  // Constructed stylesheets (strict-CSP hosts refuse an inline <style>): adopted by the shadow root only.
  expect(shadow().querySelector('style')).toBeNull()
  expect(document.adoptedStyleSheets).toEqual([])
  const css = shadow()
    .adoptedStyleSheets.flatMap((s) => Array.from(s.cssRules, (r) => r.cssText))
    .join('\n')
    .replace(/\s+/g, '')
  expect(css).toContain('all:initial!important')
  expect(css).toContain('--ze-brand:#005a32!important')
  expect(css).toContain('--ze-font:Lato,sans-serif!important')
  expect(Object.keys(win).filter((k) => /support|widget|preact/i.test(k))).toEqual(['SupportWidget'])
})

test('hostile host CSS does not reach inside the shadow root', async () => {
  // happy-dom resolves the cascade from <style> elements only: take the fallback path that
  // browsers without constructable stylesheets take (the adopted path is checked in Chromium).
  const own = Object.getOwnPropertyDescriptor(document, 'adoptedStyleSheets')
  Object.defineProperty(document, 'adoptedStyleSheets', { value: undefined, configurable: true })
  onTestFinished(() => {
    if (own) Object.defineProperty(document, 'adoptedStyleSheets', own)
    else delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets
  })
  const evil = document.createElement('style')
  evil.dataset.test = ''
  evil.textContent = '* { color: rgb(255, 0, 0) !important; display: none !important } button { font-size: 40px !important }'
  document.head.append(evil)
  install(win)
  win.SupportWidget!('init', init)
  await waitFor(() => expect(q('.launcher')).toBeTruthy())
  // happy-dom resolves the host element's cascade (our :host !important beats the page's
  // !important, and `all: initial` stops inheritance); rules inside the shadow tree are
  // checked in a real browser by the demo-host tests.
  const style = getComputedStyle(host()!)
  expect(style.color).not.toBe('rgb(255, 0, 0)')
  expect(style.display).toBe('block')
  expect(shadow().querySelector('style')!.textContent).toMatch(/:host\{all:initial!important;display:block!important/)
  // and a theme value cannot break out of its declaration
  win.SupportWidget!('init', { ...init, theme: { brandColor: 'red}*{display:none' } })
  await waitFor(() => expect(host()).toBeTruthy())
  expect(shadow().querySelector('style')!.textContent).not.toContain('display:none')
})

test('launcher opens a labelled modal dialog, focus moves in, Escape closes and focus returns; events fire', async () => {
  install(win)
  const events: string[] = []
  for (const e of ['open', 'close']) win.SupportWidget!('on', e, () => events.push(e))
  win.SupportWidget!('init', init)
  await waitFor(() => expect(q('.launcher')).toBeTruthy())
  const launcher = q<HTMLButtonElement>('.launcher')!
  await waitFor(() => expect(launcher.querySelector('.badge')?.textContent).toBe('3'))
  expect(launcher.getAttribute('aria-label')).toContain('3')
  launcher.focus()
  launcher.click()
  await waitFor(() => expect(q('[role=dialog]')).toBeTruthy())
  const dialog = q<HTMLElement>('[role=dialog]')!
  expect(dialog.getAttribute('aria-modal')).toBe('true')
  expect(shadow().getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Pomoc')
  await waitFor(() => expect(shadow().activeElement?.id).toBe('ze-title'))
  expect(launcher.getAttribute('aria-expanded')).toBe('true')
  dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
  await waitFor(() => expect(q('[role=dialog]')).toBeNull())
  await waitFor(() => expect(shadow().activeElement).toBe(launcher))
  expect(events).toEqual(['open', 'close'])
})

test('Tab is trapped inside the floating dialog', async () => {
  install(win)
  win.SupportWidget!('init', init)
  win.SupportWidget!('open', 'home')
  await waitFor(() => expect(q('.tile')).toBeTruthy())
  const dialog = q<HTMLElement>('[role=dialog]')!
  const buttons = Array.from(dialog.querySelectorAll<HTMLButtonElement>('button:not([disabled])'))
  const last = buttons[buttons.length - 1]!
  last.focus()
  dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }))
  expect(shadow().activeElement).toBe(buttons[0])
  dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true }))
  expect(shadow().activeElement).toBe(last)
})

test("launcher 'none': no button; open/toggle/close from the host and focus goes back to the host's icon", async () => {
  install(win)
  const icon = document.createElement('button')
  document.body.append(icon)
  win.SupportWidget!('init', { ...init, launcher: 'none' })
  await waitFor(() => expect(host()).toBeTruthy())
  expect(q('.launcher')).toBeNull()
  icon.focus()
  win.SupportWidget!('toggle')
  await waitFor(() => expect(q('[role=dialog]')).toBeTruthy())
  win.SupportWidget!('close')
  await waitFor(() => expect(q('[role=dialog]')).toBeNull())
  await waitFor(() => expect(document.activeElement).toBe(icon))
  icon.remove()
})

test('mount renders inline (no dialog) in the host element; logout removes every element and emits logout', async () => {
  install(win)
  const slot = document.createElement('section')
  document.body.append(slot)
  const onLogout = vi.fn()
  win.SupportWidget!('on', 'logout', onLogout)
  win.SupportWidget!('init', init)
  win.SupportWidget!('mount', slot, { view: 'home' })
  await waitFor(() => expect(slot.querySelector('[data-support-widget=inline]')?.shadowRoot?.querySelector('[role=region]')).toBeTruthy())
  expect(slot.querySelector('[data-support-widget=inline]')!.shadowRoot!.querySelector('[role=dialog]')).toBeNull()

  const remove = vi.spyOn(document, 'removeEventListener')
  win.SupportWidget!('logout')
  expect(document.querySelectorAll('[data-support-widget]')).toHaveLength(0)
  expect(slot.childNodes).toHaveLength(0)
  expect(remove).toHaveBeenCalledWith('visibilitychange', expect.any(Function))
  expect(onLogout).toHaveBeenCalledOnce()
  slot.remove()
})

test("an explicit logout forgets this user's drafts; a re-init with a fresh token keeps them", async () => {
  localStorage.clear()
  localStorage.setItem('ze-draft:app-1:u-2', 'szkic innej osoby')
  install(win)
  const question = async () => {
    await waitFor(() => expect(q('#ze-question')).toBeTruthy())
    return q<HTMLTextAreaElement>('#ze-question')!
  }
  win.SupportWidget!('init', init)
  win.SupportWidget!('open', 'ask')
  fireEvent.input(await question(), { target: { value: 'Jak dodać korektę?' } })
  localStorage.setItem('ze-draft:app-1:u-1:reply:c1', 'Dziękuję, a co z KSeF?')

  win.SupportWidget!('init', { ...init, token: freshToken() })
  win.SupportWidget!('open', 'ask')
  await waitFor(async () => expect((await question()).value).toBe('Jak dodać korektę?'))

  win.SupportWidget!('logout')
  expect(localStorage.getItem('ze-draft:app-1:u-1')).toBeNull()
  expect(localStorage.getItem('ze-draft:app-1:u-1:reply:c1')).toBeNull()
  expect(localStorage.getItem('ze-draft:app-1:u-2')).toBe('szkic innej osoby')
})

test('the public API never throws into the host page', async () => {
  install(win)
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  const sw = win.SupportWidget!
  expect(() => sw('init', {})).not.toThrow()
  expect(() => sw('open')).not.toThrow()
  expect(() => sw('nonsense')).not.toThrow()
  expect(() => sw('mount', 'not-an-element')).not.toThrow()
  sw('on', 'unread', () => {
    throw new Error('host bug')
  })
  sw('init', init)
  await waitFor(() => expect(api.called('GET /api/v1/me')).toHaveLength(1))
  await waitFor(() => expect(warn.mock.calls.some((c) => String(c[1]).includes('listener threw'))).toBe(true))
  expect(warn.mock.calls.every((c) => c[0] === '[SupportWidget]')).toBe(true)
})

test("locale 'en' loads English strings; string overrides win", async () => {
  install(win)
  win.SupportWidget!('init', { ...init, locale: 'en', strings: { forum: 'Community' } })
  win.SupportWidget!('open', 'home')
  await waitFor(() => expect(q('[role=dialog]')).toBeTruthy())
  const titles = Array.from(shadow().querySelectorAll('.tile b')).map((b) => b.firstChild?.textContent)
  expect(titles.slice(0, 3)).toEqual(['Articles', 'Community', 'Ask an Expert'])
  expect(q('#ze-title')?.textContent).toBe('Help')
})
