// Issue 15 item 5 — no dead ends: "Szukaj odpowiedzi" on Pomoc, a search without an answer
// offers the forum and Zapytaj Eksperta with the query carried over, every article ends with
// "Czy to pomogło?" (stored per user, counted for the experts) and "Nadal potrzebujesz pomocy?".
import { describe, expect, it } from 'vitest'
import { api, closePagesAfterEach, env, openDemo, openPomoc, PHONE, screenshot } from './helpers.js'

closePagesAfterEach()

const asAdmin = () => `Bearer ${env().expertKey}`
async function articleFeedback(slug: string): Promise<{ counts: { helpful: number; notHelpful: number }; comments: Array<{ comment: string }> }> {
  const list = (await (await api.raw('GET', '/admin/v1/articles', asAdmin())).json()) as { items: Array<{ id: string; slug: string }> }
  const id = list.items.find((a) => a.slug === slug)!.id
  return (await api.raw('GET', `/admin/v1/articles/${id}/feedback`, asAdmin())).json()
}

describe('no dead ends (issue 15 item 5)', () => {
  it('the chief searches on Pomoc, opens an article, votes "Nie" with a comment, changes to "Tak"; one stored vote', async () => {
    const { page } = await openDemo('chief-office', '/')
    const dialog = await openPomoc(page)
    const box = dialog.getByRole('searchbox', { name: 'Szukaj odpowiedzi' })
    // Above the tiles.
    const [boxTop, tilesTop] = await Promise.all([box.boundingBox(), dialog.locator('.tiles').boundingBox()])
    expect(boxTop!.y).toBeLessThan(tilesTop!.y)
    await box.fill('wyciąg bankowy')
    const hit = dialog.getByRole('button', { name: /Import wyciągu bankowego/ })
    await hit.waitFor()
    await dialog.getByRole('region', { name: 'Nadal potrzebujesz pomocy?' }).waitFor()
    await screenshot(page, 'i15-szukaj-odpowiedzi')
    await hit.click()
    const article = dialog.getByRole('article')
    await article.getByRole('heading', { name: /Import wyciągu bankowego/ }).waitFor()

    const feedback = article.getByRole('region', { name: 'Czy to pomogło?' })
    await feedback.scrollIntoViewIfNeeded()
    const list = (await (await api.raw('GET', '/admin/v1/articles', asAdmin())).json()) as { items: Array<{ slug: string; title: string }> }
    const articleSlug = list.items.find((a) => /Import wyciągu bankowego/.test(a.title))!.slug
    // Another test may already have voted as this persona; one vote per user means ours replaces it.
    const pressed = async (name: string) => (await feedback.getByRole('button', { name }).getAttribute('aria-pressed')) === 'true'
    const [ownYes, ownNo] = [await pressed('Tak'), await pressed('Nie')]
    const counted = (await articleFeedback(articleSlug)).counts
    const before = { helpful: counted.helpful - (ownYes ? 1 : 0), notHelpful: counted.notHelpful - (ownNo ? 1 : 0) }

    await feedback.getByRole('button', { name: 'Nie' }).click()
    await feedback.getByText('Dziękujemy za ocenę.').waitFor()
    await feedback.getByLabel('Co możemy poprawić? (opcjonalnie)').fill('Brakuje formatu MT940 dla mBanku.')
    await feedback.getByRole('button', { name: 'Wyślij komentarz' }).click()
    await feedback.getByText(/komentarz trafi do autorów/).waitFor()
    const afterNo = await articleFeedback(articleSlug)
    expect(afterNo.counts).toEqual({ helpful: before.helpful, notHelpful: before.notHelpful + 1 })
    expect(afterNo.comments.map((c) => c.comment)).toContain('Brakuje formatu MT940 dla mBanku.')
    await article.getByRole('region', { name: 'Nadal potrzebujesz pomocy?' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'i15-czy-to-pomoglo')

    // Reopened later, the vote is remembered; changing it keeps one vote per user.
    await dialog.getByRole('button', { name: 'Wstecz' }).click()
    await hit.click()
    const again = dialog.getByRole('article').getByRole('region', { name: 'Czy to pomogło?' })
    expect(await again.getByRole('button', { name: 'Nie' }).getAttribute('aria-pressed')).toBe('true')
    await again.getByRole('button', { name: 'Tak' }).click()
    await again.getByText('Dziękujemy za ocenę.').waitFor()
    expect((await articleFeedback(articleSlug)).counts).toEqual({ helpful: before.helpful + 1, notHelpful: before.notHelpful })

    // "Nadal potrzebujesz pomocy?" leads to Zapytaj Eksperta.
    await dialog.getByRole('article').getByRole('region', { name: 'Nadal potrzebujesz pomocy?' }).getByRole('button', { name: 'Zapytaj Eksperta' }).click()
    await dialog.getByLabel('Twoje pytanie').waitFor()
  })

  it('no answer on a phone: Zapytaj Eksperta opens the form with the query as the question', async () => {
    const { page } = await openDemo('chief-office', '/', { device: PHONE })
    const dialog = await openPomoc(page)
    const query = 'rozliczenie kryptowalut w PIT-38 za 2025'
    await dialog.getByRole('searchbox', { name: 'Szukaj odpowiedzi' }).fill(query)
    const next = dialog.getByRole('region', { name: /Nie znaleźliśmy odpowiedzi/ })
    await next.waitFor()
    await screenshot(page, 'i15-brak-odpowiedzi-telefon')
    await next.getByRole('button', { name: 'Zapytaj Eksperta' }).click()
    expect(await dialog.getByLabel('Twoje pytanie').inputValue()).toBe(query)
  })

  it('an employee without an answer is sent to the forum with the query as the title and told the chief can ask', async () => {
    const { page } = await openDemo('employee', '/')
    const dialog = await openPomoc(page)
    const query = 'rozliczenie kryptowalut w PIT-38'
    await dialog.getByRole('searchbox', { name: 'Szukaj odpowiedzi' }).fill(query)
    const next = dialog.getByRole('region', { name: /Nie znaleźliśmy odpowiedzi/ })
    await next.getByText('Pytanie do ekspertów może zadać szef Twojego biura.').waitFor()
    expect(await next.getByRole('button', { name: 'Zapytaj Eksperta' }).count()).toBe(0)
    await screenshot(page, 'i15-brak-odpowiedzi-pracownik')
    await next.getByRole('button', { name: 'Zapytaj na forum' }).click()
    expect(await dialog.getByLabel('Tytuł').inputValue()).toBe(query)
  })
})
