// Issue 15 item 6 — Moje pytania at scale: rows with who wrote last and a preview, search,
// status filter, a count of selected cases, Gmail-style "select all N matching", Archiwizuj
// with an undo toast, empty states, and the optional Temat in the ask form.
import { describe, expect, it } from 'vitest'
import { api, closePagesAfterEach, openDemo, openMojePytania, openPomoc, PHONE, screenshot, unique } from './helpers.js'

closePagesAfterEach()
// Its own office: "all matching" must never reach other tests' cases.
const CHIEF = 'chief-other-office' as const

describe('Moje pytania at scale (issue 15 item 6)', () => {
  it('search + status, preview rows, select all 22 matching, Archiwizuj, Cofnij', async () => {
    const tag = unique('Seria')
    const created = []
    for (let i = 0; i < 22; i++) created.push(await api.createCase(CHIEF, `Pytanie numer ${i} o deklarację.`, `${tag} VAT-7 nr ${i}`))
    await api.expertReply(created[21]!.id, 'Deklarację VAT-7 złożysz w JPK » Wyślij. Pamiętaj o podpisie.')

    const { page } = await openDemo(CHIEF, '/', { device: { viewport: { width: 1366, height: 900 } } })
    const list = await openMojePytania(page)
    await list.getByRole('searchbox', { name: 'Szukaj w sprawach' }).fill(tag)
    const rows = list.locator('li.case')
    await rows.nth(19).waitFor()
    // The newest row (the answered one) names the expert and previews the answer.
    expect(await rows.first().locator('.pv').textContent()).toMatch(/: Deklarację VAT-7 złożysz w JPK » Wyślij\./)
    expect(await rows.nth(1).locator('.pv').textContent()).toBe('Ty: Pytanie numer 20 o deklarację.')

    await list.getByRole('combobox', { name: 'Status' }).selectOption('answered')
    await list
      .locator('li.case')
      .filter({ hasText: `${tag} VAT-7 nr 21` })
      .waitFor()
    await expect.poll(() => rows.count()).toBe(1)
    await list.getByRole('combobox', { name: 'Status' }).selectOption('')
    await expect.poll(() => rows.count()).toBe(20)

    expect(await list.getByRole('button', { name: 'Archiwizuj' }).count()).toBe(0)
    await list.getByRole('checkbox', { name: 'Zaznacz wszystkie' }).check()
    await list.getByText('Zaznaczone: 20').waitFor()
    await list.getByRole('button', { name: 'Zaznacz wszystkie pasujące (22)' }).click()
    await list.getByText('Zaznaczone: 22').waitFor()
    await screenshot(page, 'i15-moje-pytania-zaznaczone')
    await list.getByRole('button', { name: 'Archiwizuj' }).click()
    const toast = list.locator('.toast')
    await toast.getByText('Zarchiwizowano 22 sprawy').waitFor()
    await list.getByText('Żadna sprawa nie pasuje do wyszukiwania.').waitFor()
    await screenshot(page, 'i15-moje-pytania-cofnij')
    expect((await api.cases(CHIEF, 'archived')).filter((c) => c.subject.startsWith(tag))).toHaveLength(22)

    await toast.getByRole('button', { name: 'Cofnij' }).click()
    await rows.nth(19).waitFor()
    await expect.poll(async () => (await api.cases(CHIEF, 'active')).filter((c) => c.subject.startsWith(tag)).length).toBe(22)
  })

  it('the ask form takes an optional Temat; the new case is listed under it (phone)', async () => {
    const { page } = await openDemo(CHIEF, '/', { device: PHONE })
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    const subject = unique('Korekta faktury zaliczkowej')
    await dialog.getByLabel('Temat (opcjonalnie)').fill(subject)
    await dialog.getByLabel('Twoje pytanie').fill('Dzień dobry, jak skorygować fakturę zaliczkową po otrzymaniu całej zapłaty?')
    await screenshot(page, 'i15-temat-telefon')
    await dialog.getByRole('button', { name: 'Wyślij' }).click()
    await dialog.getByRole('heading', { name: new RegExp(subject.replace(/[[\]]/g, '.')) }).waitFor()
    expect((await api.cases(CHIEF)).find((c) => c.subject === subject)).toBeTruthy()
  })
})
