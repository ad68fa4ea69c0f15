// The host side of the widget's session: the persona switcher (logout + init), ?persona= kept
// across pages, and getToken called again before the short-lived token expires.
import { describe, expect, it } from 'vitest'
import { openDemo, openPomoc, screenshot, type DemoPage, closePagesAfterEach } from './helpers.js'

let demo: DemoPage | undefined
closePagesAfterEach()

describe('persona and session', () => {
  it('?persona= picks the user and is kept when navigating between pages', async () => {
    demo = await openDemo('employee', '/')
    const { page } = demo
    expect(await page.locator('#user-name').textContent()).toBe('Marek Wiśniewski')
    expect(await page.locator('#persona-switcher').inputValue()).toBe('employee')
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Faktury' }).click()
    await page.waitForURL((url) => url.pathname === '/faktury' && url.searchParams.get('persona') === 'employee')
    expect(await page.locator('#user-name').textContent()).toBe('Marek Wiśniewski')
  })

  it('the persona switcher logs the widget out and in again as the new person, without a reload', async () => {
    demo = await openDemo('chief-office', '/wiadomosci')
    const { page } = demo
    await page.evaluate(() => {
      ;(window as unknown as { notReloaded: boolean }).notReloaded = true
    })
    const tokenRequests: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/demo/token')) tokenRequests.push(r.postData() ?? '')
    })
    await page.locator('#persona-switcher').selectOption('client')
    await page.waitForURL((url) => url.searchParams.get('persona') === 'client')
    expect(await page.locator('#user-name').textContent()).toBe('Zofia Nowak')
    const dialog = await openPomoc(page)
    expect(await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).isDisabled()).toBe(true)
    expect(tokenRequests.some((body) => body.includes('"client"'))).toBe(true)
    // Exactly one floating and one inline widget: the old session's elements are gone.
    expect(await page.locator('[data-support-widget]').count()).toBe(2)
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    expect(await page.locator('#avatar-badge').isHidden()).toBe(true)
    await screenshot(page, 'session-switched-to-client')
  })

  it('getToken is called again when the token nears its expiry (fake clock)', async () => {
    demo = await openDemo('chief-office', '/', { clock: true })
    const { page } = demo
    const tokens: number[] = []
    page.on('response', (r) => {
      if (r.url().endsWith('/demo/token')) tokens.push(r.status())
    })
    await openPomoc(page)
    const before = tokens.length
    // Tokens live 10 minutes; the widget renews ~30 s before expiry, on its next request.
    await page.clock.fastForward(10 * 60_000 - 20_000)
    await expect.poll(() => tokens.length, { timeout: 10_000 }).toBeGreaterThan(before)
    expect(tokens.every((s) => s === 200)).toBe(true)
    // …and the widget still works with the new token.
    await page.keyboard.press('Escape')
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Moje pytania/ }).click()
    await dialog.locator('li.case').first().waitFor()
  })
})
