// R11 (instructional articles), R12 (forum: find answers, ask), and deflection: articles
// suggested while the chief types, opened without losing the draft.
import { describe, expect, it } from 'vitest'
import { closePagesAfterEach, openDemo, openPomoc, screenshot, unique } from './helpers.js'

closePagesAfterEach()

describe('articles, forum, suggestions', () => {
  it('R11: Pomoc → Artykuły lists instructional articles; search finds one and it opens', async () => {
    const { page } = await openDemo('client', '/')
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Artykuły/ }).click()
    await dialog.getByRole('heading', { name: 'Artykuły' }).waitFor()
    await dialog.locator('.body li').first().waitFor()
    expect(await dialog.locator('.body li').count()).toBeGreaterThanOrEqual(10)
    await dialog.getByLabel('Szukaj w artykułach').fill('wyciąg bankowy')
    const hit = dialog.getByRole('button', { name: /Import wyciągu bankowego/ })
    await hit.waitFor()
    await hit.click()
    const article = dialog.getByRole('article')
    await article.getByRole('heading', { name: /Import wyciągu bankowego/ }).waitFor()
    expect((await article.textContent())!.length).toBeGreaterThan(200)
    await screenshot(page, 'r11-artykul')
  })

  it('R12: Pomoc → Forum lists other users’ questions; an employee opens one and replies, and starts a thread', async () => {
    const { page } = await openDemo('employee', '/klienci')
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Forum/ }).click()
    await dialog.getByRole('heading', { name: 'Forum' }).waitFor()
    await dialog.locator('.body li').first().waitFor()
    expect(await dialog.locator('.body li').count()).toBeGreaterThanOrEqual(5)
    await dialog.locator('.body li').getByRole('button').first().click()
    await dialog
      .getByText(/Odpowiedzi \(\d+\)|Nikt jeszcze nie odpowiedział/)
      .first()
      .waitFor()
    const reply = unique('U nas pomogło wylogowanie i ponowne zalogowanie.')
    await dialog.getByLabel('Twoja odpowiedź').fill(reply)
    await dialog.getByRole('button', { name: 'Odpowiedz' }).click()
    await dialog.getByText(reply).waitFor()
    await screenshot(page, 'r12-watek')

    await dialog.getByRole('button', { name: 'Wstecz' }).click()
    await dialog.getByRole('button', { name: 'Nowy wątek' }).click()
    const title = unique('Jak ustawić domyślny szablon faktury?')
    await dialog.getByLabel('Tytuł').fill(title)
    await dialog.locator('#ze-thread-body-in').fill('Chcę, żeby każda nowa faktura miała nasze logo i numer konta.')
    await dialog.getByRole('button', { name: 'Opublikuj' }).click()
    await dialog.getByText(title).first().waitFor()
    await screenshot(page, 'r12-nowy-watek')
  })

  it('deflection: typing the question suggests articles; opening one and going back keeps the draft', async () => {
    const { page } = await openDemo('chief-office', '/')
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    const draft = 'Jak zaimportować wyciąg bankowy z pliku MT940?'
    await dialog.getByLabel('Twoje pytanie').fill(draft)
    const suggestions = dialog.getByRole('region', { name: 'Może to pomoże' })
    await suggestions.getByRole('button').first().waitFor()
    await screenshot(page, 'deflection-podpowiedzi')
    await suggestions.getByRole('button').first().click()
    await dialog.getByRole('article').waitFor()
    await dialog.getByRole('button', { name: 'Wstecz' }).click()
    expect(await dialog.getByLabel('Twoje pytanie').inputValue()).toBe(draft)
  })

  it('deflection: "jak załączyć plik" suggests the article about attaching files first', async () => {
    const { page } = await openDemo('chief-office', '/')
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    await dialog.getByLabel('Twoje pytanie').fill('jak załączyć plik')
    const suggestions = dialog.getByRole('region', { name: 'Może to pomoże' })
    // Polled: suggestions for an older draft may show until the debounced search answers.
    await expect.poll(() => suggestions.getByRole('button').first().textContent(), { timeout: 10_000 }).toContain('Jak załączyć plik do sprawy')
    await screenshot(page, 'deflection-zalacz-plik')
  })
})
