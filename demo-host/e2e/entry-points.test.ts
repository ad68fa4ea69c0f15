// R2, R3, R4: the three ways into Zapytaj Eksperta, as a person uses them.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '@ze/testkit/ferretdb'
import { helpButton, inlinePanel, openDemo, openMojePytania, openPomoc, panel, screenshot, type DemoPage, closePagesAfterEach } from './helpers.js'

let demo: DemoPage | undefined
// Tests never change tracked files unless asked: UPDATE_DOCS_SCREENSHOTS=1 refreshes the README images.
const toDocs = (shot: string, docName: string): void => {
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') copyFileSync(join(import.meta.dirname, 'screenshots', `${shot}.png`), join(repoRoot, 'docs', docName))
}
closePagesAfterEach()

describe('entry points', () => {
  it('R2: the "?" Pomoc in the right sidebar is on every page and opens the three forms of support', async () => {
    demo = await openDemo('chief-office', '/klienci')
    const { page } = demo
    for (const [navName, path] of [
      ['Klienci', '/klienci'],
      ['Faktury', '/faktury'],
      ['Wiadomości', '/wiadomosci'],
      ['Pulpit', '/']
    ] as const) {
      if (navName !== 'Klienci') await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: navName }).click()
      await page.waitForURL((url) => url.pathname === path && url.searchParams.get('persona') === 'chief-office')
      await page.waitForFunction(() => (window.SupportWidget as { loaded?: boolean } | undefined)?.loaded === true)
      expect(await helpButton(page).isVisible(), `"?" on ${path}`).toBe(true)
      const dialog = await openPomoc(page)
      for (const name of ['Artykuły', 'Forum', 'Zapytaj Eksperta']) {
        expect(await dialog.getByRole('button', { name: new RegExp(`^${name}`) }).isEnabled(), `${name} on ${path}`).toBe(true)
      }
      if (path === '/') await screenshot(page, 'r2-pomoc')
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
    }
    // "Po wybraniu opcji Zapytaj Eksperta otworzy się okno z możliwością zadania pytania."
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    await dialog.getByRole('heading', { name: 'Zapytaj Eksperta' }).waitFor()
    await dialog.getByLabel('Twoje pytanie').waitFor({ state: 'visible' }) // the form is in a lazy chunk
    await screenshot(page, 'r2-zapytaj-eksperta')
    toDocs('r2-pomoc', 'screenshot-pomoc.png')
  })

  it('R3: avatar → Moje pytania shows the history of questions and Utwórz sprawę', async () => {
    demo = await openDemo('chief-office', '/faktury')
    const { page } = demo
    const dialog = await openMojePytania(page)
    // The seeded history of this chief (office and client accounts alike).
    expect(await dialog.locator('li.case').count()).toBeGreaterThanOrEqual(3)
    expect(await dialog.getByRole('tab', { name: 'Aktywne' }).getAttribute('aria-selected')).toBe('true')
    await screenshot(page, 'r3-moje-pytania')
    toDocs('r3-moje-pytania', 'screenshot-moje-pytania.png')
    await dialog.getByRole('button', { name: 'Utwórz sprawę' }).click()
    await dialog.getByRole('heading', { name: 'Zapytaj Eksperta' }).waitFor()
    await dialog.getByLabel('Twoje pytanie').waitFor({ state: 'visible' }) // the form is in a lazy chunk
  })

  it('R4: START » WIADOMOŚCI shows the whole correspondence inline with Utwórz sprawę', async () => {
    demo = await openDemo('chief-office', '/')
    const { page } = demo
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Wiadomości' }).click()
    await page.waitForURL((url) => url.pathname === '/wiadomosci')
    expect((await page.locator('.crumbs').textContent())?.replace(/\s+/g, ' ').trim()).toBe('START » WIADOMOŚCI')
    const region = inlinePanel(page)
    await region.getByRole('heading', { name: 'Moje pytania' }).waitFor()
    await region.locator('li.case').first().waitFor()
    expect(await region.locator('li.case').count()).toBeGreaterThanOrEqual(3)
    // Inline, part of the page: no floating dialog was opened.
    expect(await panel(page).count()).toBe(0)
    await screenshot(page, 'r4-wiadomosci')
    await region.getByRole('button', { name: 'Utwórz sprawę' }).click()
    await region.getByRole('heading', { name: 'Zapytaj Eksperta' }).waitFor()
    await region.getByLabel('Twoje pytanie').waitFor({ state: 'visible' }) // the form is in a lazy chunk
    await screenshot(page, 'r4-utworz-sprawe')
  })
})
