// axe-core in the page, scanning inside the widget's open shadow roots: every view of the
// widget, for each kind of user, has no serious or critical violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { PersonaId } from '@ze/testkit/personas'
import { describeViolations, runAxe, type AxeFinding } from './axe.js'
import {
  api,
  closePagesAfterEach,
  inlinePanel,
  openDemo,
  openMojePytania,
  openPomoc,
  panel,
  pngFile,
  dropFiles,
  screenshot,
  unique,
  type DemoPage
} from './helpers.js'

/** Runs axe on one widget surface; returns serious/critical violations and how many nodes inside the shadow root were checked. */
async function scan(page: Page, surface: 'floating' | 'inline'): Promise<{ violations: AxeFinding[]; shadowNodesChecked: number }> {
  const { violations, passTargets } = await runAxe(page, `[data-support-widget="${surface}"]`)
  // A target with two selectors is [host, element-in-shadow-root]: proof the scan went inside.
  return { violations, shadowNodesChecked: passTargets.filter((t) => Array.isArray(t[0]) || t.length > 1).length }
}

const results: { view: string; violations: AxeFinding[] }[] = []

async function check(page: Page, view: string, surface: 'floating' | 'inline' = 'floating'): Promise<void> {
  await page.mouse.move(0, 0)
  const { violations, shadowNodesChecked } = await scan(page, surface)
  await screenshot(page, `a11y-${view}`)
  expect(shadowNodesChecked, `${view}: axe did not look inside the shadow root`).toBeGreaterThan(5)
  results.push({ view, violations })
  expect(violations, describeViolations(view, violations)).toEqual([])
}

closePagesAfterEach()
let demo: DemoPage | undefined
async function as(persona: PersonaId, path = '/'): Promise<Page> {
  await demo?.close()
  demo = await openDemo(persona, path)
  return demo.page
}
const loaded = async (scope: Locator) => {
  await scope.getByText('Ładowanie…').waitFor({ state: 'detached' })
  await scope.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' })
}

let withAttachment = ''
beforeAll(async () => {
  const subject = unique('Dostępność: rozmowa z odpowiedzią')
  const c = await api.createCase('chief-office', `${subject}\nTreść pytania.`, subject)
  await api.expertReply(c.id, 'Odpowiedź eksperta z instrukcją krok po kroku.')
  withAttachment = c.id
})
afterAll(async () => {
  await demo?.close()
  if (results.length) console.log(`[a11y] views scanned: ${results.map((r) => r.view).join(', ')}`)
})

describe('accessibility (axe-core, serious and critical)', () => {
  it('Pomoc home for the chief, the employee and the chief with an inactive package', async () => {
    for (const persona of ['chief-office', 'employee', 'chief-inactive'] as const) {
      const page = await as(persona)
      await openPomoc(page)
      await check(page, `pomoc-${persona}`)
    }
  })

  it('Zapytaj Eksperta form (empty, with a file and a validation message) and the refusals', async () => {
    let page = await as('chief-office', '/faktury')
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    await dialog.getByLabel('Twoje pytanie').waitFor()
    await check(page, 'ask')
    await dropFiles(dialog.getByRole('button', { name: /Przeciągnij tutaj pliki/ }), [pngFile()])
    await dialog.getByRole('button', { name: 'Wyślij' }).click()
    await dialog.getByText('Wpisz treść pytania.').waitFor()
    await check(page, 'ask-error-with-file')
    for (const persona of ['employee', 'chief-inactive'] as const) {
      page = await as(persona)
      await page.evaluate(() => window.SupportWidget('open', 'ask'))
      await panel(page).getByRole('heading', { name: 'Zapytaj Eksperta' }).waitFor()
      await loaded(panel(page))
      await check(page, `ask-refused-${persona}`)
    }
  })

  it('Moje pytania (active, archived), a conversation, and START » WIADOMOŚCI inline', async () => {
    const page = await as('chief-office', '/wiadomosci')
    let list = await openMojePytania(page)
    await list.locator('li.case').first().waitFor()
    await check(page, 'cases-active')
    await list
      .getByRole('checkbox', { name: /Zaznacz sprawę/ })
      .first()
      .check()
    await check(page, 'cases-selected')
    await list.getByRole('tab', { name: 'Zarchiwizowane' }).click()
    await loaded(list)
    await check(page, 'cases-archived')
    await page.keyboard.press('Escape')
    await page.evaluate((id) => window.SupportWidget('open', { caseId: id }), withAttachment)
    list = panel(page)
    await list.getByText('Odpowiedź eksperta z instrukcją').waitFor()
    await check(page, 'conversation')
    await page.keyboard.press('Escape')
    await inlinePanel(page).locator('li.case').first().waitFor()
    await check(page, 'wiadomosci-inline', 'inline')
  })

  it('Artykuły and Forum', async () => {
    const page = await as('client')
    for (const [tile, view] of [
      ['Artykuły', 'articles'],
      ['Forum', 'forum']
    ] as const) {
      const dialog = await openPomoc(page)
      await dialog.getByRole('button', { name: new RegExp(`^${tile}`) }).click()
      await dialog.getByRole('heading', { name: tile }).waitFor()
      await loaded(dialog)
      await check(page, view)
      // Once the view lists content, the first article / thread is scanned as well.
      const first = dialog.locator('.body li').getByRole('button').or(dialog.locator('.body li').getByRole('link')).first()
      if (await first.count()) {
        await first.click()
        await loaded(dialog)
        await check(page, `${view}-item`)
      }
      await page.keyboard.press('Escape')
    }
  })

  it('Szukaj odpowiedzi (results, no result) and an article voted on (issue 15 item 5)', async () => {
    const page = await as('chief-office')
    const dialog = await openPomoc(page)
    const box = dialog.getByRole('searchbox', { name: 'Szukaj odpowiedzi' })
    await box.fill('wyciąg bankowy')
    await dialog.getByRole('region', { name: 'Nadal potrzebujesz pomocy?' }).waitFor()
    await check(page, 'search-results')
    await dialog.locator('.rows').getByRole('button').first().click()
    const feedback = dialog.getByRole('region', { name: 'Czy to pomogło?' })
    await feedback.getByRole('button', { name: 'Tak' }).click()
    await feedback.getByLabel('Co możemy poprawić? (opcjonalnie)').waitFor()
    await check(page, 'article-feedback')
    await dialog.getByRole('button', { name: 'Wstecz' }).click()
    await box.fill('rozliczenie kryptowalut w PIT-38')
    await dialog.getByRole('region', { name: /Nie znaleźliśmy odpowiedzi/ }).waitFor()
    await check(page, 'search-no-result')
  })
})
