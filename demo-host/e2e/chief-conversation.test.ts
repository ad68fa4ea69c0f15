// Issue 15 items 1-4: long names never widen the panel, the conversation as a chief reads it,
// phones get a full-screen sheet, and files are checked (in Polish) before any upload.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api, closePagesAfterEach, dropFiles, openDemo, openPomoc, panel, pdfFile, pngFile, PHONE, screenshot, unique, type TestFile } from './helpers.js'

closePagesAfterEach()

const LONG = 'JPK_V7M_listopad_2026_korekta_do_deklaracji_VAT_z_zalacznikami_poprawiona_wersja_ostateczna'
const LONG_URL = 'https://www.podatki.gov.pl/jpk/jpk-vat-z-deklaracja/bardzo/dluga/sciezka/do/dokumentu_bez_spacji_w_srodku_' + 'x'.repeat(60)

/** Every element of the floating panel that sticks out of it, and how far its body scrolls sideways. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('[data-support-widget="floating"]')!.shadowRoot!
    const box = shadow.querySelector('.panel')!.getBoundingClientRect()
    const wider: string[] = []
    for (const el of shadow.querySelectorAll('.panel *')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || el.closest('.lightbox')) continue
      if (r.width > box.width + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5)
        wider.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(r.left)}–${Math.round(r.right)}`)
    }
    const body = shadow.querySelector('.body')!
    return {
      wider,
      sideways: body.scrollWidth - body.clientWidth,
      panel: { left: box.left, right: box.right, width: box.width, height: box.height },
      viewport: innerWidth
    }
  })
}

async function caseWithLongNames(): Promise<{ id: string; number: number; subject: string }> {
  const subject = unique('Walidacja JPK')
  const c = await api.createCase('chief-office', `Dzień dobry, ${LONG}.xml nie przechodzi walidacji.\n${'Długi opis problemu. '.repeat(40)}`, subject)
  await api.expertReply(c.id, `Proszę sprawdzić pole P_1, instrukcja: ${LONG_URL} — zrzut poniżej.`, [
    pngFile(`${LONG}_zrzut.png`),
    pdfFile(`${LONG}_instrukcja.pdf`)
  ])
  return { id: c.id, number: c.number, subject }
}

async function openCase(page: Page, id: string): Promise<void> {
  await page.evaluate((caseId) => window.SupportWidget!('open', { caseId }), id)
  await panel(page).locator('li.msg').first().waitFor()
}

describe("the chief's conversation (issue 15)", () => {
  for (const [device, opts] of [
    ['desktop', undefined],
    ['phone', PHONE]
  ] as const) {
    it(`${device}: long file names, words and URLs never make the panel wider or scroll sideways; the case opens at the unread answer`, async () => {
      const c = await caseWithLongNames()
      const { page } = await openDemo('chief-office', '/', opts ? { device: opts } : {})
      await openCase(page, c.id)
      const dialog = panel(page)
      // The header names the case; the view opened at the expert's unread answer, marked "Nowe".
      await dialog.getByRole('heading', { name: `Sprawa nr ${c.number}: ${c.subject}` }).waitFor()
      await dialog.getByText('Nowe', { exact: true }).waitFor()
      await dialog
        .getByRole('button', { name: `Powiększ ${LONG}_zrzut.png` })
        .locator('img')
        .waitFor()
      const answer = dialog.locator('li.msg.expert')
      await expect
        .poll(() =>
          answer.evaluate((el) => {
            const body = el.closest('.body')!.getBoundingClientRect()
            const r = el.getBoundingClientRect()
            return r.top >= body.top - 1 && r.top < body.bottom
          })
        )
        .toBe(true)
      // The URL is a safe link; the PDF a chip with its size and a middle-shortened name.
      const link = dialog.getByRole('link', { name: LONG_URL })
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer')
      expect(await link.getAttribute('target')).toBe('_blank')
      const chip = dialog.getByRole('button', { name: `Pobierz ${LONG}_instrukcja.pdf` })
      expect(await chip.locator('.fname').getAttribute('title')).toBe(`${LONG}_instrukcja.pdf`)
      expect(await chip.textContent()).toMatch(/B$/)
      // Day separator and relative time.
      await dialog.locator('li.day').getByText('Dziś').waitFor()
      expect(await answer.locator('time').textContent()).toMatch(/^dziś \d\d:\d\d$/)

      const o = await overflow(page)
      expect(o.wider).toEqual([])
      expect(o.sideways).toBe(0)
      // The compact reply box is on screen without scrolling, with its paperclip.
      const reply = dialog.getByRole('button', { name: 'Odpowiedz' })
      expect(await reply.isVisible()).toBe(true)
      const rb = (await reply.boundingBox())!
      expect(rb.y + rb.height).toBeLessThanOrEqual((device === 'phone' ? 844 : 800) + 0.5)
      await dialog.getByRole('button', { name: 'Załącz pliki' }).waitFor()
      if (device === 'phone') {
        // A full-screen sheet: exactly the screen, close button on it.
        expect(o.panel).toMatchObject({ left: 0, width: 390 })
        expect(o.panel.height).toBeLessThanOrEqual(844)
        const close = (await dialog.getByRole('button', { name: 'Zamknij' }).boundingBox())!
        expect(close.x + close.width).toBeLessThanOrEqual(390)
      }
      await screenshot(page, `i15-rozmowa-${device}`)

      // The thumbnail opens a lightbox; Escape closes only the lightbox.
      await dialog.getByRole('button', { name: `Powiększ ${LONG}_zrzut.png` }).click()
      const lightbox = dialog.getByRole('dialog', { name: `${LONG}_zrzut.png` })
      await lightbox.locator('img').waitFor()
      await screenshot(page, `i15-lightbox-${device}`)
      await page.keyboard.press('Escape')
      await lightbox.waitFor({ state: 'detached' })
      expect(await dialog.isVisible()).toBe(true)

      // The textarea grows as the chief types.
      const field = dialog.getByLabel('Twoja odpowiedź')
      const h1 = (await field.boundingBox())!.height
      await field.fill('Dziękuję.\nDruga linia\nTrzecia linia\nCzwarta linia')
      await expect.poll(async () => (await field.boundingBox())!.height).toBeGreaterThan(h1 + 20)
    })
  }

  it('ask form with a long file name: size and × stay inside; a renamed .exe is refused in Polish before upload; the phone says "Dodaj pliki"', async () => {
    const { page } = await openDemo('chief-office', '/', { device: PHONE })
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    await dialog.getByLabel('Twoje pytanie').fill('Czy ten plik jest poprawny?')
    const zone = dialog.getByRole('button', { name: 'Dodaj pliki' })
    const exe: TestFile = { name: 'deklaracja.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'binary') }
    let uploads = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/cases')) uploads++
    })
    await dropFiles(zone, [pdfFile(`${LONG}.pdf`), exe])
    await dialog.getByText('deklaracja.pdf: tego rodzaju pliku nie można załączyć.').waitFor()
    await dialog.getByRole('button', { name: `Usuń ${LONG}.pdf` }).waitFor()
    expect(await dialog.getByText(/Dozwolone pliki: PNG, JPG/).isVisible()).toBe(true)
    const o = await overflow(page)
    expect(o.wider).toEqual([])
    expect(o.sideways).toBe(0)
    const x = (await dialog.getByRole('button', { name: `Usuń ${LONG}.pdf` }).boundingBox())!
    expect(x.x + x.width).toBeLessThanOrEqual(390)
    expect(uploads).toBe(0)
    await screenshot(page, 'i15-formularz-dlugie-nazwy-telefon')
  })
})
