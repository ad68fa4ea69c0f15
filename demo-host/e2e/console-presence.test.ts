// Issue 13 items 5 and 9: two experts in two browser contexts see each other on a case and in
// the queue ("… przegląda", "… pisze odpowiedź"), and a reply that lands while one of them is
// writing makes sending ask first ("Ktoś odpowiedział w międzyczasie"). Presence travels over
// the events feed; with the feed down the console still works.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api, closePagesAfterEach, env, unique } from './helpers.js'
import { consoleScreenshot, experts, expectAccessible, openConsole } from './console.js'

closePagesAfterEach()

const editorOf = (page: Page) => page.getByRole('form', { name: 'Odpowiedź klientowi lub notatka' })
const caseHeading = (page: Page, number: number) => page.getByRole('heading', { name: new RegExp(`^Sprawa #${number}:`) })
const adminMessages = async (caseId: string): Promise<string[]> => {
  const res = await api.raw('GET', `/admin/v1/cases/${caseId}`, `Bearer ${env().expertKey}`)
  return ((await res.json()) as { messages: Array<{ body: string }> }).messages.map((m) => m.body)
}

describe('console: presence and collision', () => {
  it('two experts see each other viewing and typing, in the case and in the queue row', async () => {
    const [tomasz, joanna] = experts()
    const subject = unique('Dwóch ekspertów w jednej sprawie')
    const created = await api.createCase('chief-office', `${subject}\nTreść.`, subject)
    const t = await openConsole(tomasz)
    const j = await openConsole(joanna)

    // Joanna's queue, narrowed to this case; Tomasz opens it.
    await j.page.getByRole('searchbox', { name: 'Szukaj po numerze lub tekście' }).fill(subject)
    await j.page.getByRole('button', { name: 'Szukaj', exact: true }).click()
    const row = j.page.getByRole('list', { name: 'Sprawy' }).getByRole('listitem').filter({ hasText: subject })
    await row.waitFor()
    await t.page.goto(`${env().serviceUrl}/console/#/case/${created.id}`)
    await caseHeading(t.page, created.number).waitFor()
    await row.getByText('Tomasz Ekspert przegląda').waitFor({ timeout: 15_000 })
    await consoleScreenshot(j.page, 'queue-presence')

    await row.getByRole('link', { name: subject }).click()
    await caseHeading(j.page, created.number).waitFor()
    await j.page.getByText('Tomasz Ekspert przegląda').waitFor({ timeout: 15_000 })
    await t.page.getByText('Joanna Ekspert przegląda').waitFor({ timeout: 15_000 })
    // Nobody is shown to themselves.
    expect(await t.page.getByText('Tomasz Ekspert przegląda').count()).toBe(0)

    await editorOf(t.page).getByLabel('Treść odpowiedzi').pressSequentially('Sprawdzam ')
    await j.page.getByText('Tomasz Ekspert pisze odpowiedź').waitFor({ timeout: 15_000 })
    await consoleScreenshot(j.page, 'case-presence')

    // Tomasz goes back to the queue: "left" ends his presence at once.
    await t.page.getByRole('link', { name: /Wróć do kolejki/ }).click()
    await t.page.getByRole('heading', { name: 'Kolejka' }).waitFor()
    await expect.poll(() => j.page.getByText(/Tomasz Ekspert (przegląda|pisze odpowiedź)/).count(), { timeout: 15_000 }).toBe(0)
  })

  it('a reply that lands while the other expert writes: sending asks first, shows the new message, then sends', async () => {
    const [tomasz, joanna] = experts()
    const subject = unique('Kolizja odpowiedzi')
    const created = await api.createCase('chief-office', `${subject}\nTreść.`, subject)
    const t = await openConsole(tomasz, { hash: `#/case/${created.id}` })
    const j = await openConsole(joanna, { hash: `#/case/${created.id}` })
    await caseHeading(t.page, created.number).waitFor()
    await caseHeading(j.page, created.number).waitFor()

    const hers = 'Proszę otworzyć Faktury » KSeF i wybrać Wyślij.'
    await editorOf(j.page).getByLabel('Treść odpowiedzi').fill(hers)
    const his = 'Wysyłka do KSeF jest w menu Faktury, przycisk Wyślij do KSeF.'
    await editorOf(t.page).getByLabel('Treść odpowiedzi').fill(his)
    await editorOf(t.page).getByRole('button', { name: 'Odpowiedz' }).click()
    await editorOf(t.page).getByRole('status').filter({ hasText: 'Wysłano.' }).waitFor()
    // Joanna's console has refreshed the conversation by itself (the feed told it).
    await j.page.getByRole('list', { name: 'Rozmowa' }).getByText(his).waitFor({ timeout: 15_000 })

    await editorOf(j.page).getByRole('button', { name: 'Odpowiedz' }).click()
    const prompt = j.page.getByRole('alertdialog', { name: 'Ktoś odpowiedział w międzyczasie' })
    await prompt.waitFor()
    await consoleScreenshot(j.page, 'collision')
    await expectAccessible(j.page, 'collision prompt')
    expect(await adminMessages(created.id)).not.toContain(hers)

    await prompt.getByRole('button', { name: 'Pokaż nową wiadomość' }).click()
    await prompt.waitFor({ state: 'detached' })
    // Focus is on Tomasz's message; Joanna's text is still in her editor, unsent.
    expect(await j.page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(his)
    expect(await editorOf(j.page).getByLabel('Treść odpowiedzi').inputValue()).toBe(hers)
    expect(await adminMessages(created.id)).not.toContain(hers)

    // Having looked, she sends: no second prompt.
    await editorOf(j.page).getByRole('button', { name: 'Odpowiedz' }).click()
    await editorOf(j.page).getByRole('status').filter({ hasText: 'Wysłano.' }).waitFor()
    expect((await api.getCase('chief-office', created.id)).messages.map((m) => m.body).slice(1)).toEqual([his, hers])
  })

  it('with the events feed down the console says so and still loads, replies and assigns', async () => {
    const [, joanna] = experts()
    const subject = unique('Bez połączenia na żywo')
    const created = await api.createCase('chief-office', `${subject}\nTreść.`, subject)
    const j = await openConsole(joanna, { hash: '#/queue/unassigned' })
    await j.page.route('**/admin/v1/events', (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"status":503}' }))
    await j.page.reload()
    await j.page.getByText('Brak połączenia na żywo').waitFor({ timeout: 15_000 })
    await j.page.goto(`${env().serviceUrl}/console/#/case/${created.id}`)
    await caseHeading(j.page, created.number).waitFor()
    await editorOf(j.page).getByLabel('Treść odpowiedzi').fill('Odpowiedź bez połączenia na żywo.')
    await editorOf(j.page).getByRole('button', { name: 'Odpowiedz' }).click()
    await editorOf(j.page).getByRole('status').filter({ hasText: 'Wysłano.' }).waitFor()
    expect(await adminMessages(created.id)).toContain('Odpowiedź bez połączenia na żywo.')
    // Replying to the unassigned case assigned it to her.
    await expect.poll(() => j.page.getByRole('combobox', { name: 'Przypisana osoba' }).locator('option:checked').textContent()).toBe(joanna.name)
    const stored = (await (await api.raw('GET', `/admin/v1/cases/${created.id}`, `Bearer ${env().expertKey}`)).json()) as {
      case: { assignee: { name: string } | null }
    }
    expect(stored.case.assignee?.name).toBe(joanna.name)
  })
})
