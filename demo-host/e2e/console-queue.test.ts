// Issue 13 items 2, 3, 6 and 9 in Chromium against the running stack: "Zaloguj się" by the link
// read from Mailpit, a chief's new case appearing in the queue live, and the keyboard-only flow.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api, closePagesAfterEach, unique } from './helpers.js'
import { experts, openConsole } from './console.js'

closePagesAfterEach()

const rows = (page: Page) => page.getByRole('list', { name: 'Sprawy' }).getByRole('listitem')
const rowOf = (page: Page, subject: string) => rows(page).filter({ hasText: subject })
/** Marks the document; a reload or a navigation away would lose the mark. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true))
const stillSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true)

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Szukaj po numerze lub tekście' }).fill(text)
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click()
}

describe('console: sign-in and queue', () => {
  it('"Zaloguj się" mails a link (read from Mailpit) that opens the queue; "Wyloguj" signs out', async () => {
    const [, joanna] = experts()
    const { page } = await openConsole(joanna, { via: 'link' })
    expect(page.url()).toMatch(/\/console\/(#\/queue\/unassigned)?$/)
    await page.getByRole('heading', { name: 'Kolejka' }).waitFor()
    for (const view of ['Nieprzypisane', 'Moje', 'Wszystkie otwarte', 'Czekają na klienta', 'Rozwiązane']) {
      await expect
        .poll(() =>
          page
            .getByRole('navigation', { name: 'Widoki kolejki' })
            .getByRole('link', { name: new RegExp(`^${view} \\d+$`) })
            .count()
        )
        .toBe(1)
    }
    await page.getByRole('button', { name: 'Wyloguj' }).click()
    await page.getByRole('heading', { name: 'Zaloguj się' }).waitFor()
    const res = await page.evaluate(async () => (await fetch('/admin/v1/me')).status)
    expect(res).toBe(401)
  })

  it('a chief’s new case appears in the queue live, without a reload', async () => {
    const [tomasz] = experts()
    const { page } = await openConsole(tomasz)
    const subject = unique('Nowa sprawa na żywo')
    // The queue lists the longest-waiting first; a search keeps the new case on the first page.
    await search(page, subject)
    await page.getByText('Brak spraw w tym widoku.').waitFor()
    await markDocument(page)
    const unassignedBefore = await page.getByRole('link', { name: /^Nieprzypisane \d+$/ }).textContent()
    const created = await api.createCase('chief-client', `${subject}\nJak wystawić fakturę korygującą?`, subject, 'sidebar')
    const row = rowOf(page, subject)
    await row.waitFor({ timeout: 15_000 })
    expect(await stillSameDocument(page)).toBe(true)
    await expect.poll(() => row.textContent()).toContain(`#${created.number}`)
    const text = (await row.textContent()) ?? ''
    expect(text).toContain('Biuro Rachunkowe Alfa')
    expect(text).toContain('Klient: Piekarnia')
    expect(text).toContain('Nieprzypisana')
    expect(text).toMatch(/czeka (chwilę|\d+ min)/)
    await expect.poll(() => page.getByRole('link', { name: /^Nieprzypisane \d+$/ }).textContent()).not.toBe(unassignedBefore)
  })

  it('keyboard only: / search, j/k, Enter, r reply, n note, a assign, e resolve, ? shortcuts', async () => {
    const [tomasz] = experts()
    const tag = unique('Klawiatura')
    const first = await api.createCase('chief-office', `${tag} pierwsza\nTreść.`, `${tag} pierwsza`)
    const second = await api.createCase('chief-office', `${tag} druga\nTreść.`, `${tag} druga`)
    const { page } = await openConsole(tomasz)
    await page.getByRole('heading', { name: 'Kolejka' }).waitFor()
    await page.locator('body').press('/')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
    await page.keyboard.type(tag)
    await page.keyboard.press('Enter')
    // Both new cases are in the unfiltered list too: wait until the search has narrowed it.
    await expect.poll(() => rows(page).allTextContents()).toEqual([expect.stringContaining(`${tag} pierwsza`), expect.stringContaining(`${tag} druga`)])
    await page.keyboard.press('Escape')
    // j moves down and k up, focus following the selection; Enter opens the selected case.
    await page.keyboard.press('j')
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '')
    expect(await focused()).toBe(`${tag} druga`)
    await page.keyboard.press('k')
    expect(await focused()).toBe(`${tag} pierwsza`)
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: `Sprawa #${second.number}: ${tag} druga` }).waitFor()

    // ? shows the shortcuts in a dialog; Escape closes it.
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Skróty klawiszowe' })
    await help.waitFor()
    for (const key of ['j / k', 'Enter', 'r', 'n', 'a', 'e', '/', '?'])
      expect(await help.locator('kbd', { hasText: new RegExp(`^${key.replace(/[?/]/g, '\\$&')}$`) }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })

    // n: an internal note; Escape leaves the field so the next letters are shortcuts again.
    await page.keyboard.press('n')
    await page.getByLabel('Treść notatki wewnętrznej').waitFor()
    await page.keyboard.type('Notatka z klawiatury: klient dzwonił.')
    await page.keyboard.press('Control+Enter')
    await page.getByRole('status').filter({ hasText: 'Notatka dodana.' }).waitFor()
    await page.keyboard.press('Escape')
    // a: assign to me.
    await page.keyboard.press('a')
    await expect.poll(() => page.getByRole('combobox', { name: 'Przypisana osoba' }).inputValue()).not.toBe('')
    // r: a reply to the chief, sent with Ctrl+Enter.
    await page.keyboard.press('r')
    await page.getByLabel('Treść odpowiedzi').waitFor()
    await page.keyboard.type('Odpowiedź z klawiatury.')
    await page.keyboard.press('Control+Enter')
    await page.getByRole('status').filter({ hasText: 'Wysłano.' }).waitFor()
    await page.keyboard.press('Escape')
    // e: resolve.
    await page.keyboard.press('e')
    await page.getByText('Status: Rozwiązana').waitFor()

    const seen = await api.getCase('chief-office', second.id)
    // The chief sees the question and the reply, never the note.
    expect(seen.messages.map((m) => m.author.kind)).toEqual(['chief', 'expert'])
    expect(seen.messages[1]!.body).toBe('Odpowiedź z klawiatury.')
    expect(seen.case.status).toBe('resolved')
    const adminView = (await (await api.raw('GET', `/admin/v1/cases/${second.id}`, `Bearer ${tomasz.key}`)).json()) as {
      case: { assignee: { name: string } | null }
      messages: Array<{ body: string; internal: boolean }>
    }
    expect(adminView.case.assignee?.name).toBe(tomasz.name)
    expect(adminView.messages.filter((m) => m.internal).map((m) => m.body)).toEqual(['Notatka z klawiatury: klient dzwonił.'])
    expect((await api.getCase('chief-office', first.id)).messages).toHaveLength(1)
  })
})
