// Issue 13: the built console in Chromium under its strict CSP — signed in by key, the queue
// with the seeded cases, a case opened from the keyboard, an answer sent, "Wyloguj".
// (The full browser suite — presence between two experts, collision, axe, screenshots — is in
// the other console-*.test.ts files.)
import { describe, expect, it } from 'vitest'
import { closePagesAfterEach } from './helpers.js'
import { consoleUrl, experts, openConsole } from './console.js'

closePagesAfterEach()

describe('console smoke', () => {
  it('loads under its CSP, shows the queue with counts, opens a case with j/Enter, answers, signs out', async () => {
    const [tomasz] = experts()
    const { page } = await openConsole(tomasz, { hash: '#/queue/open' })
    await page.getByRole('heading', { name: 'Kolejka' }).waitFor()
    const views = page.getByRole('navigation', { name: 'Widoki kolejki' })
    for (const name of ['Nieprzypisane', 'Moje', 'Wszystkie otwarte', 'Czekają na klienta', 'Rozwiązane']) {
      await expect.poll(() => views.getByRole('link', { name: new RegExp(`^${name} \\d+$`) }).count()).toBe(1)
    }
    const rows = page.getByRole('list', { name: 'Sprawy' }).getByRole('listitem')
    await rows.first().waitFor()
    expect(await rows.first().innerText()).toMatch(/czeka/)

    await page.keyboard.press('j')
    await page.keyboard.press('k')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /^Sprawa #\d+:/ }).waitFor()
    await page.getByRole('complementary', { name: 'Kontekst' }).waitFor()
    await page.keyboard.press('r')
    await page.keyboard.type('Dzień dobry, sprawdzamy to.')
    await page.getByRole('button', { name: 'Odpowiedz', exact: true }).click()
    await page.getByText('Wysłano.').waitFor()
    expect(await page.getByRole('list', { name: 'Rozmowa' }).innerText()).toContain('Dzień dobry, sprawdzamy to.')

    await page.getByRole('button', { name: 'Wyloguj' }).click()
    await page.getByRole('heading', { name: 'Zaloguj się' }).waitFor()
    await page.goto(consoleUrl())
    await page.getByRole('heading', { name: 'Zaloguj się' }).waitFor()
  })
})
