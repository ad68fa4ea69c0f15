// What every browser test needs: the running stack, one shared Chromium, a page logged in as
// a persona, locators into the widget's shadow roots, and the service's API for set-up and
// for checking what the UI claims.
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { afterEach, expect, inject } from 'vitest'
import type { PersonaId } from '@ze/testkit/personas'
import { signPersonaToken } from '@ze/testkit/sign-token'
import { SCREENSHOT_DIR } from './browser.js'

export const env = () => inject('e2e')

let browser: Promise<Browser> | null = null
/** One Chromium for the whole run (launched by the global setup); each test gets its own context. */
export function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.connect(env().wsEndpoint)
  return browser
}

export interface DemoPage {
  page: Page
  context: BrowserContext
  /** Uncaught page errors and widget warnings seen so far. */
  problems: string[]
  close(): Promise<void>
}

export function demoUrl(path: string, persona?: PersonaId): string {
  const url = new URL(path, env().demoUrl)
  if (persona) url.searchParams.set('persona', persona)
  return url.toString()
}

/**
 * Opens the demo host as a persona and waits until the widget script has replaced the queue
 * stub. `clock: true` installs Playwright's fake clock first, so a test can jump over the
 * widget's 30 s poll interval instead of sleeping through it.
 */
const openPages: DemoPage[] = []

/**
 * For a test file: after each test, every page it opened is closed — with a screenshot of it
 * first when the test failed — and a passing test must not have left page errors or widget warnings.
 */
export function closePagesAfterEach(): void {
  afterEach(async (ctx) => {
    const pages = openPages.splice(0)
    const failed = ctx.task.result?.state === 'fail' || (ctx.task.result?.errors?.length ?? 0) > 0
    for (const [i, demo] of pages.entries()) {
      if (failed) {
        const name = `FAILED-${ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${i}`
        await demo.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) }).catch(() => undefined)
      }
      await demo.close()
    }
    if (!failed) for (const demo of pages) expect(demo.problems).toEqual([])
  })
}

/** A phone as the issue tried it: 390×844, touch, a mobile viewport. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** Puts a page opened elsewhere (e.g. the console) under `closePagesAfterEach`. */
export function trackPage(demo: DemoPage): DemoPage {
  openPages.push(demo)
  return demo
}

export async function openDemo(
  persona: PersonaId,
  path = '/',
  opts: {
    clock?: boolean
    device?: { viewport: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean }
    /** Runs before the page loads (e.g. an init script that watches for CSP violations). */
    beforeLoad?: (page: Page) => Promise<void>
    /** A browser launched with other flags (e.g. screen capture) instead of the shared one. */
    browser?: Browser
  } = {}
): Promise<DemoPage> {
  const context = await (opts.browser ?? (await sharedBrowser())).newContext({ viewport: { width: 1366, height: 800 }, ...opts.device, locale: 'pl-PL' })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.text().includes('[SupportWidget]')) problems.push(`console.${m.type()}: ${m.text()}`)
  })
  const demo: DemoPage = { page, context, problems, close: () => context.close() }
  openPages.push(demo)
  if (opts.clock) await page.clock.install()
  await opts.beforeLoad?.(page)
  await page.goto(demoUrl(path, persona))
  await page.waitForFunction(() => (window.SupportWidget as { loaded?: boolean } | undefined)?.loaded === true)
  return demo
}

// ---- the widget inside the page (Playwright's CSS and role locators pierce open shadow roots) ----
export const floatingHost = (page: Page): Locator => page.locator('[data-support-widget="floating"]')
export const inlineHost = (page: Page): Locator => page.locator('[data-support-widget="inline"]')
export const panel = (page: Page): Locator => floatingHost(page).getByRole('dialog')
export const inlinePanel = (page: Page): Locator => inlineHost(page).getByRole('region')
export const helpButton = (page: Page): Locator =>
  page.getByRole('complementary', { name: 'Najczęściej wybierane akcje' }).getByRole('button', { name: 'Pomoc' })

export async function openPomoc(page: Page): Promise<Locator> {
  await helpButton(page).click()
  const dialog = panel(page)
  await dialog.getByRole('heading', { name: 'Pomoc' }).waitFor()
  // /me decides whether Zapytaj Eksperta is enabled: wait until it has answered.
  await dialog.getByText('Ładowanie…').waitFor({ state: 'detached' })
  return dialog
}

export async function openMojePytania(page: Page): Promise<Locator> {
  await page.locator('#avatar-button').click()
  await page
    .locator('#avatar-dropdown')
    .getByRole('button', { name: /Moje pytania/ })
    .click()
  const dialog = panel(page)
  await dialog.getByRole('heading', { name: 'Moje pytania' }).waitFor()
  await dialog.getByText('Ładowanie…').waitFor({ state: 'detached' })
  // Lists show a skeleton (aria-busy) instead of the word while they load.
  await dialog.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' })
  return dialog
}

// ---- computed styles of the whole widget (isolation and strict-CSP pages compare them) ----
const PROPS = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'box-sizing',
  'margin-top',
  'margin-left',
  'padding-top',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-top-left-radius',
  'display',
  'position',
  'transform',
  'filter',
  'cursor',
  'visibility',
  'opacity',
  'z-index'
]

/** Every element of the floating widget: computed styles and box, plus the host element itself. */
export function widgetStyles(page: Page, ignore = 'style') {
  return floatingHost(page).evaluate(
    (host, [props, ignore]) => {
      const describe = (el: Element) => {
        const cs = getComputedStyle(el)
        const r = el.getBoundingClientRect()
        return {
          el: `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`,
          styles: Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])),
          box: [r.x, r.y, r.width, r.height].map((n) => Math.round(n))
        }
      }
      const inside = Array.from(host.shadowRoot!.querySelectorAll('*')).filter((el) => !el.matches(ignore))
      return { host: describe(host).styles, elements: inside.map(describe) }
    },
    [PROPS, ignore] as const
  )
}

export const caseRow = (scope: Locator, subject: string): Locator => scope.locator('li.case').filter({ hasText: subject })

export const badgeText = (page: Page): Promise<string | null> =>
  page.locator('#avatar-badge').evaluate((el) => ((el as HTMLElement).hidden ? null : el.textContent))

/** The focused element, looking through shadow roots. */
export function deepFocus(page: Page): Promise<{ tag: string; id: string; text: string; label: string; inWidget: boolean }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement
    let inWidget = false
    while (el?.shadowRoot?.activeElement) {
      inWidget ||= el.hasAttribute('data-support-widget')
      el = el.shadowRoot.activeElement
    }
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      label: el?.getAttribute('aria-label') ?? '',
      inWidget
    }
  })
}

/** Presses Tab until `match` says the focused element is the wanted one. */
export async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof deepFocus>>) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (match(await deepFocus(page))) return
  }
  throw new Error(`Tab never reached the element; last focus: ${JSON.stringify(await deepFocus(page))}`)
}

// ---- files ----
export interface TestFile {
  name: string
  mimeType: string
  buffer: Buffer
}

export const pngFile = (name = 'zrzut-ekranu.png'): TestFile => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
})

export const pdfFile = (name = 'faktura-korygujaca.pdf'): TestFile => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
})

/** A real drag-and-drop: a DataTransfer holding File objects, dispatched as the browser would. */
export async function dropFiles(target: Locator, files: TestFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') }))
  await target.evaluate((el, items) => {
    const dt = new DataTransfer()
    for (const f of items) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
      dt.items.add(new File([bytes], f.name, { type: f.type }))
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: dt }))
    }
  }, payload)
}

/**
 * Gives `files` to the file chooser that `act` opens. Listening starts before `act`:
 * Playwright switches interception on asynchronously, and a key press or click that overtook
 * it would open headless Chromium's own invisible dialog, with no event ever coming.
 */
export async function answerFileChooser(page: Page, act: () => Promise<void>, files: TestFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  chooser.catch(() => undefined) // when `act` fails, its own error is the one to report
  await act()
  await (await chooser).setFiles(files)
}

/** "Wybierz": the button opens the browser's file chooser, which gets the files. */
export async function chooseFiles(page: Page, button: Locator, files: TestFile[], press?: string): Promise<void> {
  await answerFileChooser(
    page,
    async () => {
      await button.waitFor()
      await (press ? button.press(press) : button.click())
    },
    files
  )
}

// ---- screenshots ----
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await target.screenshot({ path })
  return path
}

// ---- the service's API (set-up and cross-checks) ----
export interface CaseSummary {
  id: string
  number: number
  subject: string
  status: 'open' | 'answered' | 'resolved'
  account: { type: 'office' | 'client'; id: string; name: string }
  accountLabel: string
  entryPoint: 'sidebar' | 'avatar' | 'messages'
  unread: boolean
  archived: boolean
  messageCount: number
}

export interface Message {
  id: string
  author: { kind: 'chief' | 'expert' | 'system'; name: string }
  body: string
  attachments: { id: string; filename: string; contentType: string; size: number }[]
}

async function request<T>(method: string, path: string, authorization: string, body?: unknown): Promise<T> {
  const isForm = body instanceof FormData
  const res = await fetch(`${env().serviceUrl}${path}`, {
    method,
    headers: { authorization, ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {})
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`)
  return (text ? JSON.parse(text) : undefined) as T
}

export const asPersona = async (persona: PersonaId): Promise<string> => `Bearer ${await signPersonaToken(persona, env().appSecret)}`
const asExpert = (): string => `Bearer ${env().expertKey}`

export const api = {
  async createCase(persona: PersonaId, question: string, subject?: string, entryPoint: 'sidebar' | 'avatar' | 'messages' = 'avatar'): Promise<CaseSummary> {
    const fd = new FormData()
    fd.append('question', question)
    if (subject) fd.append('subject', subject)
    fd.append('entryPoint', entryPoint)
    return (await request<{ case: CaseSummary }>('POST', '/api/v1/cases', await asPersona(persona), fd)).case
  },
  async cases(persona: PersonaId, view: 'active' | 'archived' = 'active'): Promise<CaseSummary[]> {
    return (await request<{ items: CaseSummary[] }>('GET', `/api/v1/cases?view=${view}&limit=50`, await asPersona(persona))).items
  },
  async getCase(persona: PersonaId, id: string): Promise<{ case: CaseSummary; messages: Message[] }> {
    return request('GET', `/api/v1/cases/${id}`, await asPersona(persona))
  },
  async me(persona: PersonaId): Promise<{ unreadCount: number }> {
    return request('GET', '/api/v1/me', await asPersona(persona))
  },
  async expertReply(caseId: string, body: string, files: TestFile[] = [], opts: { internal?: boolean } = {}): Promise<void> {
    const fd = new FormData()
    fd.append('body', body)
    if (opts.internal) fd.append('internal', 'true')
    for (const f of files) fd.append('files', new Blob([new Uint8Array(f.buffer)], { type: f.mimeType }), f.name)
    await request('POST', `/admin/v1/cases/${caseId}/messages`, asExpert(), fd)
  },
  async markRead(persona: PersonaId, ids: string[]): Promise<void> {
    await request('POST', '/api/v1/cases/read', await asPersona(persona), { ids })
  },
  async raw(method: string, path: string, authorization: string, body?: unknown): Promise<Response> {
    return fetch(`${env().serviceUrl}${path}`, {
      method,
      headers: { authorization, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {})
    })
  }
}

/** A subject no other test or seed uses, so assertions find exactly this case. */
export const unique = (prefix: string): string => `${prefix} [${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}]`
