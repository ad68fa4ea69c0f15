// R6 (Archiwizuj) and R7 (Oznacz jako przeczytane) on checked cases, in the floating
// Moje pytania and in the inline START » WIADOMOŚCI list.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  badgeText,
  caseRow,
  inlinePanel,
  openDemo,
  openMojePytania,
  screenshot,
  unique,
  type CaseSummary,
  type DemoPage,
  closePagesAfterEach
} from './helpers.js'

let demo: DemoPage | undefined
closePagesAfterEach()

const subjects = {
  archiveA: unique('Archiwizacja A: jak zmienić hasło do e-Deklaracji?'),
  archiveB: unique('Archiwizacja B: gdzie jest rejestr VAT zakupów?'),
  readA: unique('Odczyt A: jak dodać nowego pracownika biura?'),
  readB: unique('Odczyt B: jak wydrukować KPiR za rok?')
}
const cases: Record<keyof typeof subjects, CaseSummary> = {} as never

beforeAll(async () => {
  for (const [key, subject] of Object.entries(subjects) as [keyof typeof subjects, string][]) {
    cases[key] = await api.createCase('chief-office', `${subject}\nProszę o wskazówkę.`, subject)
  }
  await api.expertReply(cases.readA.id, 'Pracownika dodasz w Ustawienia » Użytkownicy » Dodaj.')
  await api.expertReply(cases.readB.id, 'KPiR wydrukujesz w Raporty » KPiR » Drukuj.')
})

describe('Moje pytania list actions', () => {
  it('R6: select two cases → Archiwizuj moves them to Zarchiwizowane', async () => {
    demo = await openDemo('chief-office', '/')
    const { page } = demo
    const list = await openMojePytania(page)
    for (const s of [subjects.archiveA, subjects.archiveB]) await caseRow(list, s).getByRole('checkbox').check()
    await screenshot(page, 'r6-zaznaczone')
    await list.getByRole('button', { name: 'Archiwizuj' }).click()
    await caseRow(list, subjects.archiveA).waitFor({ state: 'detached' })
    await caseRow(list, subjects.archiveB).waitFor({ state: 'detached' })
    expect(await caseRow(list, subjects.readA).count()).toBe(1)

    await list.getByRole('tab', { name: 'Zarchiwizowane' }).click()
    await caseRow(list, subjects.archiveA).waitFor()
    await caseRow(list, subjects.archiveB).waitFor()
    await screenshot(page, 'r6-zarchiwizowane')
    const archived = (await api.cases('chief-office', 'archived')).map((c) => c.id)
    expect(archived).toEqual(expect.arrayContaining([cases.archiveA.id, cases.archiveB.id]))
    expect((await api.cases('chief-office', 'active')).map((c) => c.id)).not.toContain(cases.archiveA.id)
  })

  it('R7: select unread cases → Oznacz jako przeczytane clears unread (inline, START » WIADOMOŚCI)', async () => {
    demo = await openDemo('chief-office', '/wiadomosci')
    const { page } = demo
    const region = inlinePanel(page)
    const rowA = caseRow(region, subjects.readA)
    const rowB = caseRow(region, subjects.readB)
    await rowA.waitFor()
    const unreadBefore = (await api.me('chief-office')).unreadCount
    expect(unreadBefore).toBeGreaterThanOrEqual(2)
    await expect.poll(() => badgeText(page)).toBe(String(unreadBefore))
    expect(await rowA.locator('[data-unread="true"]').count()).toBe(1)
    expect(await rowB.locator('[data-unread="true"]').count()).toBe(1)

    await rowA.getByRole('checkbox').check()
    await rowB.getByRole('checkbox').check()
    await region.getByRole('button', { name: 'Oznacz jako przeczytane' }).click()
    await rowA.locator('[data-unread="true"]').waitFor({ state: 'detached' })
    await rowB.locator('[data-unread="true"]').waitFor({ state: 'detached' })
    // The host's badge follows through the widget's `unread` event.
    await expect.poll(() => badgeText(page)).toBe(unreadBefore - 2 ? String(unreadBefore - 2) : null)
    const after = await api.cases('chief-office')
    expect(after.filter((c) => c.id === cases.readA.id || c.id === cases.readB.id).map((c) => c.unread)).toEqual([false, false])
    await screenshot(page, 'r7-przeczytane')
  })
})
