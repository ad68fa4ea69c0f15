// Keyboard only: reach "?" with Tab, open Pomoc, Zapytaj Eksperta, type, attach with Wybierz,
// send, close with Escape — focus stays inside the dialog and comes back to "?".
import { describe, expect, it } from 'vitest'
import { answerFileChooser, api, deepFocus, openDemo, panel, pdfFile, screenshot, tabTo, unique, type DemoPage, closePagesAfterEach } from './helpers.js'

let demo: DemoPage | undefined
closePagesAfterEach()

describe('keyboard only', () => {
  it('open, fill, attach via the picker, send, close with Escape', async () => {
    demo = await openDemo('chief-office', '/klienci')
    const { page } = demo
    await tabTo(page, (f) => f.id === 'help-button')
    await page.keyboard.press('Enter')
    const dialog = panel(page)
    await dialog.getByRole('heading', { name: 'Pomoc' }).waitFor()
    // Focus moved into the dialog, on its title.
    expect(await deepFocus(page)).toMatchObject({ inWidget: true, text: 'Pomoc' })
    await dialog.getByText('Ładowanie…').waitFor({ state: 'detached' })

    await tabTo(page, (f) => f.inWidget && f.text.startsWith('Zapytaj Eksperta'))
    await page.keyboard.press('Enter')
    await dialog.getByRole('heading', { name: 'Zapytaj Eksperta' }).waitFor()
    await tabTo(page, (f) => f.id === 'ze-question')
    const question = unique('Jak za pomocą klawiatury przejść do listy dokumentów klienta?')
    await page.keyboard.type(question)

    await answerFileChooser(page, async () => {
      await tabTo(page, (f) => f.inWidget && f.text === 'Wybierz')
      await page.keyboard.press('Enter')
    }, [pdfFile('wyciag-bankowy.pdf')])
    await dialog.getByText('wyciag-bankowy.pdf').waitFor()
    await screenshot(page, 'keyboard-formularz')

    // Tab never leaves the modal dialog.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      expect((await deepFocus(page)).inWidget, `Tab #${i + 1} left the dialog`).toBe(true)
    }

    await tabTo(page, (f) => f.inWidget && f.text === 'Wyślij')
    await page.keyboard.press('Enter')
    await dialog.getByRole('article').getByText(question).first().waitFor()
    await screenshot(page, 'keyboard-wyslane')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // Polled: focus is restored in an effect right after the panel unmounts.
    await expect.poll(async () => (await deepFocus(page)).id, { timeout: 3000 }).toBe('help-button')

    const created = (await api.cases('chief-office')).find((c) => c.subject === question)
    expect(created?.entryPoint).toBe('sidebar')
    expect((await api.getCase('chief-office', created!.id)).messages[0]!.attachments.map((a) => a.filename)).toEqual(['wyciag-bankowy.pdf'])
  })

  it('the avatar menu works from the keyboard and Escape closes it', async () => {
    demo = await openDemo('chief-office', '/')
    const { page } = demo
    await tabTo(page, (f) => f.id === 'avatar-button')
    await page.keyboard.press('Enter')
    expect(await page.locator('#avatar-button').getAttribute('aria-expanded')).toBe('true')
    expect((await deepFocus(page)).text).toContain('Moje pytania')
    await page.keyboard.press('Escape')
    expect(await page.locator('#avatar-dropdown').isHidden()).toBe(true)
    expect((await deepFocus(page)).id).toBe('avatar-button')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await panel(page).getByRole('heading', { name: 'Moje pytania' }).waitFor()
    await page.keyboard.press('Escape')
    await panel(page).waitFor({ state: 'detached' })
    // Focus goes back to where the user was: the avatar button (the menu item is hidden by then).
    // Polled: the widget restores focus in an effect that runs just after the panel unmounts.
    await expect.poll(async () => (await deepFocus(page)).id, { timeout: 3000 }).toBe('avatar-button')
  })
})
