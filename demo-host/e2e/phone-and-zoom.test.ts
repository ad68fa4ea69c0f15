// Issue 15 items 3 and 8: on a phone the panel is a full-screen sheet with nothing off-screen;
// at 200 % zoom on a laptop it stays usable; with launcher:'none' no space is kept for a
// launcher; the "?" shows the panel within 100 ms.
import { describe, expect, it } from 'vitest'
import { closePagesAfterEach, helpButton, openDemo, openPomoc, panel, PHONE, screenshot } from './helpers.js'

closePagesAfterEach()

describe('phones, zoom and first feedback', () => {
  it('phone 390×844: Pomoc is a full-screen sheet, header and close on screen, nothing wider than the screen', async () => {
    const { page } = await openDemo('chief-office', '/', { device: PHONE })
    const dialog = await openPomoc(page)
    const box = (await dialog.boundingBox())!
    expect(box).toMatchObject({ x: 0, y: 0, width: 390 })
    expect(box.height).toBeLessThanOrEqual(844)
    const close = (await dialog.getByRole('button', { name: 'Zamknij' }).boundingBox())!
    expect(close.x >= 0 && close.x + close.width <= 390 && close.y >= 0).toBe(true)
    const tiles = await dialog.locator('.tile').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))
    expect(Math.max(...tiles)).toBeLessThanOrEqual(390)
    await screenshot(page, 'i15-telefon-pomoc')
  })

  it('200 % zoom on a 1366×768 laptop (683×384 CSS px): the sheet fills the window and the ask form scrolls inside it', async () => {
    const { page } = await openDemo('chief-office', '/', { device: { viewport: { width: 683, height: 384 } } })
    const dialog = await openPomoc(page)
    const box = (await dialog.boundingBox())!
    expect(box).toMatchObject({ x: 0, y: 0, width: 683, height: 384 })
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    const send = dialog.getByRole('button', { name: 'Wyślij' })
    await send.scrollIntoViewIfNeeded()
    const b = (await send.boundingBox())!
    expect(b.y + b.height).toBeLessThanOrEqual(384)
    expect(await dialog.getByRole('button', { name: 'Zamknij' }).isVisible()).toBe(true)
    await screenshot(page, 'i15-zoom-200')
  })

  it('launcher:"none" (the demo host has its own "?"): the panel sits at the bottom with no space kept for a launcher', async () => {
    const { page } = await openDemo('chief-office', '/')
    const dialog = await openPomoc(page)
    const box = (await dialog.boundingBox())!
    expect(Math.round(800 - (box.y + box.height))).toBe(20)
  })

  it('the "?" shows the panel within 100 ms of the click', async () => {
    const { page } = await openDemo('chief-office', '/')
    await page.evaluate(() => {
      const w = window as unknown as { shownAfter?: number }
      document.getElementById('help-button')!.addEventListener(
        'click',
        () => {
          const t0 = performance.now()
          const check = (): void => {
            const shadow = document.querySelector('[data-support-widget="floating"]')?.shadowRoot
            if (shadow?.querySelector('[role=dialog] h2')) w.shownAfter = performance.now() - t0
            else requestAnimationFrame(check)
          }
          check()
        },
        { capture: true }
      )
    })
    await helpButton(page).click()
    await panel(page).waitFor()
    const ms = await page.evaluate(() => (window as unknown as { shownAfter?: number }).shownAfter)
    expect(ms).toBeLessThan(100)
  })
})
