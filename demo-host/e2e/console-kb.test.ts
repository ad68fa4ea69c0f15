// Issue 14 item 2: Baza wiedzy in the console. An article written and published there is
// suggested to the chief typing a question in Zapytaj Eksperta and opens in the widget;
// unpublishing takes it away again. The editor's preview is the service's own rendering;
// "Utwórz artykuł z odpowiedzi" turns an expert answer into a draft in one step. axe on the
// list and the editor; screenshots console-kb-*.png.
import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { DEMO_APP_ID } from '@ze/testkit/personas'
import { api, asPersona, closePagesAfterEach, openDemo, openPomoc, unique } from './helpers.js'
import { consoleScreenshot, expectAccessible, experts, openConsole } from './console.js'

closePagesAfterEach()

/** A word no seed article has: letters only, so the search keeps it whole. */
const rareWord = () =>
  `zygzak${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6)}`

/**
 * The chief types `question` in Zapytaj Eksperta until the suggestions show `expected`. Typed
 * again now and then: an answer given while the index was still loading is empty, and the
 * widget asks again only when the text changes.
 */
async function suggestionsFor(question: string, expected: string): Promise<Locator> {
  const { page } = await openDemo('chief-office', '/')
  const dialog = await openPomoc(page)
  await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
  const region = dialog.getByRole('region', { name: 'Może to pomoże' })
  const deadline = Date.now() + 30_000
  for (let i = 0; ; i++) {
    await dialog.getByLabel('Twoje pytanie').fill(i % 2 ? `${question}?` : question)
    try {
      await region.getByRole('button', { name: expected }).first().waitFor({ timeout: 4_000 })
      return dialog
    } catch (err) {
      if (Date.now() > deadline) throw err
    }
  }
}

describe('console: Baza wiedzy', () => {
  it('an article written and published in the console is suggested in the widget and opens; unpublished, it is gone', async () => {
    const [tomasz] = experts()
    const word = rareWord()
    const title = `Jak rozliczyć ${word} w deklaracji`
    const { page } = await openConsole(tomasz, { hash: '#/kb' })
    await page.getByRole('heading', { name: 'Baza wiedzy' }).waitFor()
    await page.getByRole('table').waitFor()
    await consoleScreenshot(page, 'kb-list')
    await expectAccessible(page, 'kb-list')

    await page.getByRole('link', { name: 'Nowy artykuł' }).click()
    await page.getByLabel('Aplikacja').fill(DEMO_APP_ID)
    await page.getByLabel('Tytuł', { exact: true }).fill(title)
    await page.getByLabel('Kategoria').fill('Podatki i deklaracje')
    await page.getByLabel('Tagi (oddzielone przecinkami)').fill('vat, deklaracje')
    await page
      .getByLabel('Treść (Markdown)')
      .fill(
        `## Krok po kroku\n\nOtwórz **Podatki » Deklaracje** i wybierz ${word}.\n\n<script>alert(1)</script>\n\n[Nie klikaj](javascript:alert(1)) · [Pomoc KSeF](https://ksef.podatki.gov.pl/)`
      )
    // The preview is the service's rendering: Markdown applied, the script shown as text, the javascript: link not a link.
    const preview = page.locator('.kb-preview .article-html')
    await preview.locator('strong', { hasText: 'Podatki » Deklaracje' }).waitFor()
    await expect.poll(() => preview.textContent()).toContain('<script>alert(1)</script>')
    expect(await preview.locator('script').count()).toBe(0)
    expect(await preview.locator('a[href^="javascript"]').count()).toBe(0)
    expect(await preview.locator('a[href="https://ksef.podatki.gov.pl/"]').getAttribute('rel')).toContain('noopener')
    await consoleScreenshot(page, 'kb-editor')
    await expectAccessible(page, 'kb-editor')

    await page.getByRole('button', { name: 'Zapisz' }).click()
    await page.waitForURL(/#\/kb\/[0-9a-f]{24}$/)
    await page.getByRole('heading', { name: `Artykuł: ${title}` }).waitFor()
    await page.locator('.pill', { hasText: 'Szkic' }).waitFor()
    const slug = await page.getByLabel('Adres (slug)').inputValue()
    expect(slug).toBe(`jak-rozliczyc-${word}-w-deklaracji`)

    // A draft is suggested to nobody.
    const chief = await asPersona('chief-office')
    expect((await api.raw('GET', `/api/v1/articles/${slug}`, chief)).status).toBe(404)

    await page.getByRole('button', { name: 'Opublikuj' }).click()
    await page.getByRole('status').filter({ hasText: 'Opublikowano' }).waitFor()
    await page.locator('.pill', { hasText: 'Opublikowany' }).waitFor()

    // The question also matches a seed article, so after unpublishing the suggestions still answer.
    const question = `Jak rozliczyć ${word} przy imporcie wyciągu bankowego`
    const dialog = await suggestionsFor(question, title)
    await dialog.getByRole('region', { name: 'Może to pomoże' }).getByRole('button', { name: title }).click()
    const article = dialog.getByRole('article')
    await article.getByRole('heading', { name: title }).waitFor()
    await article.locator('strong', { hasText: 'Podatki » Deklaracje' }).waitFor()
    // Czy to pomogło? — the chief says yes in the widget, an employee says no: the console counts both.
    await article.getByRole('region', { name: 'Czy to pomogło?' }).getByRole('button', { name: 'Tak' }).click()
    await article.getByRole('region', { name: 'Czy to pomogło?' }).getByLabel('Co możemy poprawić? (opcjonalnie)').waitFor()
    expect((await api.raw('POST', `/api/v1/articles/${slug}/feedback`, await asPersona('employee'), { helpful: false })).status).toBe(200)

    await page.getByRole('button', { name: 'Wycofaj publikację' }).click()
    await page.getByRole('status').filter({ hasText: 'Publikacja wycofana' }).waitFor()
    expect((await api.raw('GET', `/api/v1/articles/${slug}`, chief)).status).toBe(404)
    const again = await suggestionsFor(question, 'Import wyciągu bankowego')
    expect(await again.getByRole('region', { name: 'Może to pomoże' }).getByRole('button').allTextContents()).not.toContain(title)

    // Back in the list, the article shows as a draft.
    await page.getByRole('link', { name: 'Baza wiedzy' }).first().click()
    const row = page.getByRole('row').filter({ hasText: title })
    await row.getByText('Szkic').waitFor()
    expect(await row.textContent()).toContain('tak 1 · nie 1')
  })

  it('Utwórz artykuł z odpowiedzi: an expert answer becomes a draft opened in the editor', async () => {
    const [tomasz] = experts()
    const subject = unique('Jak wystawić fakturę zaliczkową')
    const created = await api.createCase('chief-office', `${subject}\nNie mogę znaleźć opcji.`, subject)
    const answer = 'Wybierz **Sprzedaż » Faktura zaliczkowa**, a po zapłacie wystaw fakturę końcową.'
    await api.expertReply(created.id, answer)
    const { page } = await openConsole(tomasz, { hash: `#/case/${created.id}` })
    await page.getByRole('heading', { name: new RegExp(`^Sprawa #${created.number}:`) }).waitFor()
    await page.getByRole('button', { name: 'Utwórz artykuł z odpowiedzi' }).click()
    await page.waitForURL(/#\/kb\/[0-9a-f]{24}$/)
    await page.getByRole('heading', { name: `Artykuł: ${subject}` }).waitFor()
    expect(await page.getByLabel('Tytuł', { exact: true }).inputValue()).toBe(subject)
    expect(await page.getByLabel('Treść (Markdown)').inputValue()).toBe(answer)
    await page.locator('.pill', { hasText: 'Szkic' }).waitFor()
    await page.locator('.kb-preview strong', { hasText: 'Sprzedaż » Faktura zaliczkowa' }).waitFor()
  })
})
