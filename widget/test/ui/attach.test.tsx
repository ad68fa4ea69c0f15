import { afterEach, expect, test, vi } from 'vitest'
import { pl } from '../../src/i18n/pl'
import { validateOptions } from '../../src/state/options'
import { createPanel } from '../../src/state/panel'
import { Session } from '../../src/state/session'
import { attachSurface } from '../../src/ui/attach'
import { freshToken } from '../helpers/factories'
import { API, installFakeApi } from '../helpers/fakeApi'

const g = globalThis as { __ZE_CSS__?: Record<string, string> }
const saved = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets')

afterEach(() => {
  if (saved) Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', saved)
  delete g.__ZE_CSS__
  vi.unstubAllGlobals()
})

function attach() {
  installFakeApi({})
  const session = new Session(validateOptions({ apiUrl: API, appId: 'app-1', token: freshToken(), theme: { brandColor: '#0a7d33' } }), vi.fn(), pl)
  const detach = attachSurface(document.body, { session, panel: createPanel(false, 'home') }, true)
  const host = document.querySelector<HTMLElement>('[data-support-widget]')!
  return { host, shadow: host.shadowRoot!, detach }
}

test('with constructable stylesheets the core CSS and the theme are one adopted sheet, nothing in the markup', () => {
  const { shadow, detach } = attach()
  expect(shadow.adoptedStyleSheets).toHaveLength(1)
  expect(shadow.querySelector('style, link')).toBeNull()
  detach()
})

test('without them, a <link> to the built, hashed core CSS file; the theme goes through the CSSOM', () => {
  // What Safari < 16.4 looks like: shadow roots without adoptedStyleSheets.
  delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets
  g.__ZE_CSS__ = { core: 'core-AbCd1234.css', expert: 'expert-EfGh5678.css', content: 'content-IjKl9012.css' }
  const { host, shadow, detach } = attach()
  const link = shadow.querySelector('link')!
  expect(link.rel).toBe('stylesheet')
  expect(new URL(link.href).pathname).toMatch(/\/core-AbCd1234\.css$/)
  expect(shadow.querySelector('style')).toBeNull()
  expect([host.style.getPropertyValue('--ze-brand'), host.style.getPropertyPriority('--ze-brand')]).toEqual(['#0a7d33', 'important'])
  detach()
})

test('without them and without a built file (a dev build), an inline <style> as before', () => {
  delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets
  const { shadow, detach } = attach()
  expect(shadow.querySelector('style')!.textContent).toContain('--ze-brand:#0a7d33!important')
  detach()
})
