// Issue 13 item 6: axe-core on every view of the console, signed out and signed in, Polish and
// English — no serious or critical violation. Each view is also saved as console-<view>.png
// (copied to docs/screenshots/ with UPDATE_DOCS_SCREENSHOTS=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api, closePagesAfterEach, pdfFile, unique } from './helpers.js'
import { consoleScreenshot, consoleUrl, experts, expectAccessible, hostScreenshot, newConsoleContext, openConsole } from './console.js'

closePagesAfterEach()

const scanned: string[] = []
async function check(page: Page, view: string): Promise<void> {
  await consoleScreenshot(page, view)
  await expectAccessible(page, view)
  scanned.push(view)
}

let withFiles: { id: string; number: number }
beforeAll(async () => {
  const subject = unique('Dostępność konsoli: sprawa z załącznikiem')
  const created = await api.createCase('chief-client', `${subject}\nNie mogę zaimportować wyciągu MT940, w załączeniu plik.`, subject, 'messages')
  withFiles = { id: created.id, number: created.number }
  await api.expertReply(created.id, 'Sprawdziłem format pliku — brakuje pola :61:.', [], { internal: true })
  await api.expertReply(created.id, 'Proszę sprawdzić ustawienia importu, jak na zrzucie.', [
    await hostScreenshot('ustawienia-importu.png'),
    pdfFile('instrukcja-mt940.pdf')
  ])
})
afterAll(() => {
  if (scanned.length) console.log(`[console a11y] views scanned: ${scanned.join(', ')}`)
})

describe('console accessibility (axe-core, serious and critical)', () => {
  it('Zaloguj się: the form, the answer after sending, and an expired link', async () => {
    const { page } = await newConsoleContext()
    await page.goto(consoleUrl())
    await page.getByRole('heading', { name: 'Zaloguj się' }).waitFor()
    await check(page, 'signin')
    await page.getByLabel('Adres e-mail').fill('ktos@example.com')
    await page.getByRole('button', { name: 'Wyślij link' }).click()
    await page.getByText(/wysłaliśmy na niego link do logowania/).waitFor()
    await check(page, 'signin-sent')
    await page.goto(consoleUrl('#/signin?link=invalid'))
    await page.reload()
    await page.getByRole('alert').filter({ hasText: 'wygasł' }).waitFor()
    await check(page, 'signin-link-invalid')
  })

  it('Kolejka: the five views, a search with no result, the shortcuts, and English', async () => {
    const [tomasz] = experts()
    const { page } = await openConsole(tomasz)
    const views: Array<[string, string]> = [
      ['unassigned', 'Nieprzypisane'],
      ['mine', 'Moje'],
      ['open', 'Wszystkie otwarte'],
      ['waiting', 'Czekają na klienta'],
      ['resolved', 'Rozwiązane']
    ]
    for (const [view, label] of views) {
      await page
        .getByRole('navigation', { name: 'Widoki kolejki' })
        .getByRole('link', { name: new RegExp(`^${label}`) })
        .click()
      await page.waitForURL(`**/console/#/queue/${view}`)
      await page.getByRole('status').filter({ hasText: 'Wczytywanie' }).waitFor({ state: 'detached' })
      await check(page, `queue-${view}`)
    }
    await page.getByRole('searchbox', { name: 'Szukaj po numerze lub tekście' }).fill('nic takiego nie ma 0xdeadbeef')
    await page.getByRole('button', { name: 'Szukaj', exact: true }).click()
    await page.getByText('Brak spraw w tym widoku.').waitFor()
    await check(page, 'queue-empty-search')
    await page.getByRole('button', { name: 'Skróty (?)' }).click()
    await page.getByRole('dialog', { name: 'Skróty klawiszowe' }).waitFor()
    await check(page, 'shortcuts')
    await page.getByRole('button', { name: 'Zamknij' }).click()
    await page.getByLabel('Język').selectOption('en')
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await page.getByRole('searchbox').fill('')
    await page.getByRole('searchbox').press('Enter')
    await check(page, 'queue-en')
    await page.getByLabel('Language').selectOption('pl')
  })

  it('Sprawa: the conversation with an image and a note, the context, the reply editor and the note editor', async () => {
    const [, joanna] = experts()
    const { page } = await openConsole(joanna, { hash: `#/case/${withFiles.id}` })
    await page.getByRole('heading', { name: new RegExp(`^Sprawa #${withFiles.number}:`) }).waitFor()
    // Everything loaded: the image preview and the office's earlier cases.
    await page.getByRole('img', { name: 'ustawienia-importu.png' }).waitFor()
    await expect.poll(() => page.getByText('Wczytywanie…').count()).toBe(0)
    await check(page, 'case')
    await page.getByRole('radio', { name: 'Notatka wewnętrzna' }).check()
    await page.getByLabel('Treść notatki wewnętrznej').fill('Notatka: zapytać o bank.')
    await check(page, 'case-note-editor')
  })
})
