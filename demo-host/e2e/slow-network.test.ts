// Issue 15 item 8: a hung service never leaves a view on a skeleton for ever. A lazily loaded
// chunk that does not arrive, and an API call that does not answer, end in a Polish message
// with "Spróbuj ponownie", and the retry succeeds; an upload shows its progress with "Anuluj".
import type { Request, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api, closePagesAfterEach, dropFiles, openDemo, openMojePytania, openPomoc, pngFile, screenshot, unique } from './helpers.js'
import { expectAccessibleWidget } from './axe.js'

closePagesAfterEach()

/** Holds the first request matching `re` (never answered, as a hung server would), lets later ones through. */
function hangFirst(re: RegExp): { route: (route: Route, req: Request) => Promise<void>; urls: string[] } {
  const urls: string[] = []
  return {
    urls,
    route: async (route, req) => {
      if (!re.test(req.url())) return route.fallback()
      urls.push(req.url())
      if (urls.length === 1) return // never answered
      await route.fallback()
    }
  }
}

describe('slow and hung networks', () => {
  it('a hung view chunk: skeleton, then after the timeout a Polish message with Spróbuj ponownie; the retry loads the form', async () => {
    const demo = await openDemo('chief-office', '/')
    const { page } = demo
    const hang = hangFirst(/\/widget-assets\/expert-[\w-]+\.js/)
    await page.route('**/widget-assets/**', hang.route)
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    // Immediate feedback: a skeleton (no "Ładowanie…" text) while the chunk is on its way.
    await dialog.getByRole('status', { name: 'Ładowanie…' }).waitFor({ timeout: 2_000 })
    expect(await dialog.getByText('Ładowanie…').count()).toBe(0)
    await screenshot(page, 'widget-loading-skeleton')
    await expectAccessibleWidget(page, 'widget-loading-skeleton')
    // CHUNK_TIMEOUT_MS is 15 s (ui/lazy.tsx).
    const alert = dialog.getByRole('alert').filter({ hasText: 'Nie udało się załadować widoku.' })
    await alert.waitFor({ timeout: 30_000 })
    await screenshot(page, 'widget-chunk-timeout')
    await expectAccessibleWidget(page, 'widget-chunk-timeout')
    await alert.getByRole('button', { name: 'Spróbuj ponownie' }).click()
    await dialog.getByLabel('Twoje pytanie').waitFor({ timeout: 15_000 })
    // The retry asked for a new copy: the browser would have joined the hung request otherwise.
    expect(hang.urls.length).toBe(2)
    expect(new URL(hang.urls[1]!).search).toBe('?retry=1')
    expect(new URL(hang.urls[1]!).pathname).toBe(new URL(hang.urls[0]!).pathname)
    expect(demo.problems).toEqual([])
  })

  it('a hung case list: after the API timeout a Polish message with Spróbuj ponownie; the retry shows the cases', async () => {
    const subject = unique('Wolna sieć: gdzie jest rejestr VAT?')
    await api.createCase('chief-office', `${subject}\nProszę o wskazówkę.`, subject)
    const demo = await openDemo('chief-office', '/')
    const { page } = demo
    const hang = hangFirst(/\/api\/v1\/cases\?/)
    await page.route('**/api/v1/cases?*', hang.route)
    // ApiClient's timeout is 15 s; openMojePytania waits for the skeleton to go (30 s).
    const dialog = await openMojePytania(page)
    const alert = dialog.getByRole('alert').filter({ hasText: 'Nie udało się pobrać listy spraw.' })
    await alert.waitFor()
    await screenshot(page, 'widget-list-timeout')
    await expectAccessibleWidget(page, 'widget-list-timeout')
    await alert.getByRole('button', { name: 'Spróbuj ponownie' }).click()
    await dialog.locator('li.case').filter({ hasText: subject }).waitFor()
    expect(hang.urls.length).toBeGreaterThanOrEqual(2)
  })

  it('an upload shows its progress in percent with Anuluj; Anuluj returns to the form with text and file kept, nothing is created', async () => {
    const demo = await openDemo('chief-office', '/')
    const { page } = demo
    // The service never answers the upload: the XHR stays in flight until Anuluj.
    await page.route('**/api/v1/cases', (route, req) => (req.method() === 'POST' ? undefined : route.fallback()))
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    const question = unique('Anulowane: jak wysłać JPK?')
    await dialog.getByLabel('Twoje pytanie').fill(question)
    const files = dialog.getByRole('group', { name: 'Załącz pliki' })
    await dropFiles(files.getByRole('button', { name: /Przeciągnij tutaj pliki/ }), [pngFile()])
    await files.getByText('zrzut-ekranu.png').waitFor()
    await dialog.getByRole('button', { name: 'Wyślij' }).click()
    const progress = dialog.getByRole('progressbar', { name: 'Postęp wysyłania' })
    await progress.waitFor()
    await expect.poll(async () => dialog.getByText(/^Wysyłanie… \d{1,3}%$/).count()).toBe(1)
    await screenshot(page, 'widget-upload-progress')
    await expectAccessibleWidget(page, 'widget-upload-progress')
    await dialog.getByRole('button', { name: 'Anuluj' }).click()
    await progress.waitFor({ state: 'detached' })
    expect(await dialog.getByLabel('Twoje pytanie').inputValue()).toBe(question)
    await files.getByText('zrzut-ekranu.png').waitFor()
    expect((await api.cases('chief-office')).some((c) => c.subject.includes(question))).toBe(false)
  })
})
