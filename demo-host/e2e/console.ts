// The experts' console in the browser: sign-in by the mailed link (read from Mailpit's API) or
// by key, one browser context per expert, and screenshots of its views for the docs.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { repoRoot } from '@ze/testkit/ferretdb'
import type { StackExpert } from './stack.js'
import { describeViolations, runAxe } from './axe.js'
import { demoUrl, env, screenshot, sharedBrowser, trackPage, type DemoPage, type TestFile } from './helpers.js'

export const consoleUrl = (hash = ''): string => `${env().serviceUrl}/console/${hash}`
/** The stack's two experts: Tomasz (admin, the seeds' expert) and Joanna. */
export const experts = (): [StackExpert, StackExpert] => env().experts

interface MailpitSummary {
  ID: string
  Subject: string
  To: Array<{ Address: string }>
  /** Mailpit marks a message read when its full text is fetched: a link read once is not offered again. */
  Read: boolean
}

async function mailpit<T>(path: string): Promise<T> {
  const res = await fetch(`${env().mailUrl}/api/v1${path}`)
  if (!res.ok) throw new Error(`Mailpit ${path} answered ${res.status}`)
  return (await res.json()) as T
}

/**
 * The newest unread sign-in link mailed to `email`, read from Mailpit as the expert would read
 * it (the plain-text part of the real mail the service's outbox sent). Reading marks it read,
 * so a later call (in this or another test file) waits for a new mail instead of reusing it.
 */
export async function signInLinkFromMail(email: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { messages } = await mailpit<{ messages: MailpitSummary[] }>(`/search?query=${encodeURIComponent(`to:"${email}"`)}&limit=20`)
    for (const m of messages) {
      if (m.Read) continue
      const { Text } = await mailpit<{ Text: string }>(`/message/${m.ID}`)
      const link = Text.match(/https?:\/\/\S+\/admin\/v1\/session\/link\/[A-Za-z0-9_-]+/)?.[0]
      if (link) return link
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no sign-in link mailed to ${email} within ${timeoutMs} ms`)
}

/**
 * A fresh browser context for one expert. Problems collected: uncaught page errors and any
 * Content-Security-Policy violation (the console must work under its strict CSP).
 */
export async function newConsoleContext(): Promise<DemoPage> {
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1366, height: 860 }, locale: 'pl-PL' })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __reportCspViolation(t: string): Promise<void> }).__reportCspViolation(`CSP: ${e.violatedDirective} blocked ${e.blockedURI}`)
    })
  })
  return trackPage({ page, context, problems, close: () => context.close() })
}

/**
 * Opens the console signed in as `expert`. `via: 'key'` exchanges the API key for the session
 * cookie inside the browser context (POST /admin/v1/session, as a script would); `via: 'link'`
 * asks for a link through the sign-in form, reads it from Mailpit and follows it.
 */
export async function openConsole(expert: StackExpert, opts: { via?: 'key' | 'link'; hash?: string } = {}): Promise<DemoPage> {
  const session = await newConsoleContext()
  const { page, context } = session
  if (opts.via === 'link') {
    await page.goto(consoleUrl())
    await page.getByLabel('Adres e-mail').fill(expert.email)
    await page.getByRole('button', { name: 'Wyślij link' }).click()
    await page.getByText(/wysłaliśmy na niego link do logowania/).waitFor()
    await page.goto(await signInLinkFromMail(expert.email))
  } else {
    const res = await context.request.post(`${env().serviceUrl}/admin/v1/session`, { headers: { authorization: `Bearer ${expert.key}` } })
    if (res.status() !== 204) throw new Error(`POST /admin/v1/session → ${res.status()}: ${await res.text()}`)
  }
  if (opts.hash || opts.via !== 'link') await page.goto(consoleUrl(opts.hash))
  await signedIn(page, expert)
  return session
}

/** Waits until the console shows the expert signed in (the Wyloguj button is there). */
export async function signedIn(page: Page, expert: StackExpert): Promise<void> {
  await page.getByRole('button', { name: 'Wyloguj' }).waitFor()
  await page.getByText(expert.name).first().waitFor()
}

/**
 * Saves `console-<name>.png` with the other e2e screenshots; with UPDATE_DOCS_SCREENSHOTS=1 also
 * into docs/screenshots/ (tests never change tracked files unless asked).
 */
export async function consoleScreenshot(page: Page, name: string): Promise<string> {
  await page.mouse.move(0, 0)
  const path = await screenshot(page, `console-${name}`)
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    mkdirSync(join(repoRoot, 'docs/screenshots'), { recursive: true })
    copyFileSync(path, join(repoRoot, 'docs/screenshots', `console-${name}.png`))
  }
  return path
}

/** axe on the whole console page: no serious or critical violation. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const { violations, passTargets } = await runAxe(page)
  expect(passTargets.length, `${view}: axe checked nothing`).toBeGreaterThan(10)
  expect(violations, describeViolations(view, violations)).toEqual([])
}

/** A real screenshot of the demo host's page as a PNG attachment (an expert's "see here" image). */
export async function hostScreenshot(name: string, path = '/faktury'): Promise<TestFile> {
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1000, height: 620 }, locale: 'pl-PL' })
  try {
    const page = await context.newPage()
    await page.goto(demoUrl(path, 'chief-office'))
    return { name, mimeType: 'image/png', buffer: await page.screenshot({ clip: { x: 0, y: 0, width: 720, height: 420 } }) }
  } finally {
    await context.close()
  }
}
