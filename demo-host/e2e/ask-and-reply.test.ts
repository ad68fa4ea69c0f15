// R5 (ask with attachments: drop zone + Wybierz), R8 (a case is a conversation), R10, the unread badge.
import { describe, expect, it } from 'vitest'
import {
  api,
  badgeText,
  caseRow,
  chooseFiles,
  dropFiles,
  openDemo,
  openMojePytania,
  openPomoc,
  pdfFile,
  pngFile,
  screenshot,
  unique,
  type DemoPage,
  closePagesAfterEach
} from './helpers.js'

let demo: DemoPage | undefined
closePagesAfterEach()

describe('asking and the conversation', () => {
  it('R5: the chief asks with one file dropped onto the drop zone and one chosen with Wybierz; the case appears in Moje pytania', async () => {
    demo = await openDemo('chief-office', '/faktury')
    const { page } = demo
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    const question = unique('Jak wystawić fakturę korygującą do faktury z innego miesiąca?')
    await dialog.getByLabel('Twoje pytanie').fill(`${question}\nW załączniku zrzut ekranu i faktura.`)
    // R10: the scope of expert help is stated on the form.
    expect(await dialog.getByText('dotyczy wyłącznie wskazówek technicznych', { exact: false }).isVisible()).toBe(true)

    const files = dialog.getByRole('group', { name: 'Załącz pliki' })
    await dropFiles(files.getByRole('button', { name: /Przeciągnij tutaj pliki/ }), [pngFile()])
    await files.getByText('zrzut-ekranu.png').waitFor()
    await chooseFiles(page, files.getByRole('button', { name: 'Wybierz' }), [pdfFile()])
    await files.getByText('faktura-korygujaca.pdf').waitFor()
    await screenshot(page, 'r5-formularz-z-plikami')

    await dialog.getByRole('button', { name: 'Wyślij' }).click()
    // After sending, the panel shows the new case as a conversation with both attachments.
    await dialog.getByRole('article').getByText(question).first().waitFor()
    // Images show as thumbnails, other files as chips that download.
    await dialog.getByRole('button', { name: 'Powiększ zrzut-ekranu.png' }).waitFor()
    await dialog.getByRole('button', { name: /Pobierz faktura-korygujaca\.pdf/ }).waitFor()
    await page.getByRole('status').getByText('Pytanie zostało wysłane do ekspertów.').waitFor()
    await screenshot(page, 'r5-wyslane')

    // The service has it, from the sidebar, with the two files typed by content.
    const mine = (await api.cases('chief-office')).find((c) => c.subject.includes(question))
    expect(mine).toMatchObject({ entryPoint: 'sidebar', status: 'open', account: { type: 'office' } })
    const detail = await api.getCase('chief-office', mine!.id)
    expect(detail.messages[0]!.attachments.map((a) => [a.filename, a.contentType]).sort()).toEqual([
      ['faktura-korygujaca.pdf', 'application/pdf'],
      ['zrzut-ekranu.png', 'image/png']
    ])

    await page.keyboard.press('Escape')
    const list = await openMojePytania(page)
    await caseRow(list, question).waitFor()
    await screenshot(page, 'r5-w-moich-pytaniach')
  })

  it('R8: an expert replies through the admin API; the badge shows it without a reload; opening the case shows the reply and clears it; the chief answers again (the draft survives a reload)', async () => {
    const subject = unique('Jak ustawić przypomnienia o terminach ZUS?')
    const c = await api.createCase('chief-office', `${subject}\nChcę, by klienci dostawali przypomnienia.`, subject)
    // Fake clock: the widget polls /me at most every 30 s; the test jumps over the wait.
    demo = await openDemo('chief-office', '/klienci', { clock: true })
    const { page } = demo
    await page.waitForFunction(() => document.documentElement.dataset.unread !== undefined)
    const before = (await api.me('chief-office')).unreadCount
    await expect.poll(() => badgeText(page)).toBe(before ? String(before) : null)
    await page.evaluate(() => {
      ;(window as unknown as { notReloaded: boolean }).notReloaded = true
    })

    const reply = 'Dzień dobry, przypomnienia włączy Pan w Ustawienia » Powiadomienia » Terminy ZUS. Pozdrawiam, Tomasz'
    await api.expertReply(c.id, reply)
    await page.clock.fastForward(31_000)
    await expect.poll(() => badgeText(page), { timeout: 10_000 }).toBe(String(before + 1))
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    expect(await page.locator('#avatar-button').getAttribute('aria-expanded')).toBe('false')
    await screenshot(page, 'r8-badge')

    const list = await openMojePytania(page)
    const row = caseRow(list, subject)
    expect(await row.locator('[data-unread="true"]').count()).toBe(1)
    await row.getByRole('button').filter({ hasText: subject }).click()
    const conversation = list.getByRole('article')
    await conversation.getByText(reply).waitFor()
    await conversation.getByText('Tomasz Ekspert').first().waitFor()
    await expect.poll(() => badgeText(page)).toBe(before ? String(before) : null)
    expect((await api.cases('chief-office')).find((x) => x.id === c.id)?.unread).toBe(false)
    await screenshot(page, 'r8-odpowiedz-eksperta')

    // An unsent reply is a draft of this case: it survives a reload of the host page.
    const draft = 'Dziękuję, działa. Czy da się też wysyłać SMS?'
    await list.getByLabel('Twoja odpowiedź').fill(draft)
    await page.reload()
    await page.waitForFunction(() => (window.SupportWidget as { loaded?: boolean } | undefined)?.loaded === true)
    await openMojePytania(page)
    await caseRow(list, subject).getByRole('button').filter({ hasText: subject }).click()
    await expect.poll(() => list.getByLabel('Twoja odpowiedź').inputValue()).toBe(draft)
    await list.getByRole('button', { name: 'Odpowiedz' }).click()
    await conversation.getByText('Czy da się też wysyłać SMS?').waitFor()
    const detail = await api.getCase('chief-office', c.id)
    expect(detail.messages.map((m) => m.author.kind)).toEqual(['chief', 'expert', 'chief'])
    expect(detail.case.status).toBe('open')
    await screenshot(page, 'r8-kolejna-wiadomosc')
  })
})
