// The widget and the host page leave each other alone (Shadow DOM, :host reset): a host page
// with hostile global CSS does not change how the widget looks, and the widget adds nothing
// to the page but its own host elements and window.SupportWidget.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { closePagesAfterEach, openDemo, openPomoc, panel, screenshot, widgetStyles as snapshot } from './helpers.js'

closePagesAfterEach()

async function viewOn(path: string, view: 'home' | 'ask') {
  const demo = await openDemo('chief-office', path)
  const dialog = await openPomoc(demo.page)
  if (view === 'ask') {
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    await dialog.getByLabel('Twoje pytanie').waitFor()
    // Suggestions and drafts must not differ between the two pages.
    await demo.page.waitForTimeout(300)
  }
  await demo.page.mouse.move(0, 0)
  return demo
}

describe('isolation between host page and widget', () => {
  for (const view of ['home', 'ask'] as const) {
    it(`hostile global CSS on the host page does not change the widget (${view === 'home' ? 'Pomoc' : 'Zapytaj Eksperta'})`, async () => {
      const normal = await viewOn('/', view)
      const hostile = await viewOn('/hostile', view)
      // The fixture really is hostile: the host page itself is restyled.
      const h1 = (p: Page) => p.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily)
      expect(await h1(hostile.page)).not.toBe(await h1(normal.page))

      const [a, b] = [await snapshot(normal.page), await snapshot(hostile.page)]
      expect(b.elements.length).toBe(a.elements.length)
      expect(b.host).toEqual(a.host)
      for (const [i, el] of a.elements.entries()) expect(b.elements[i], el.el).toEqual(el)

      // Pixels too: the inside of the panel (the rounded corners show the page behind it).
      const box = (await panel(normal.page).boundingBox())!
      const clip = { x: box.x + 14, y: box.y + 14, width: box.width - 28, height: box.height - 28 }
      const [pa, pb] = [await normal.page.screenshot({ clip }), await hostile.page.screenshot({ clip })]
      await screenshot(normal.page, `isolation-${view}-normal`)
      await screenshot(hostile.page, `isolation-${view}-hostile`)
      expect(pb.equals(pa), 'widget pixels differ between / and /hostile').toBe(true)
    })
  }

  it('the widget adds only its host elements and window.SupportWidget to the page', async () => {
    const demo = await viewOn('/', 'home')
    const added = await demo.page.evaluate(() => {
      const frame = document.createElement('iframe')
      document.body.append(frame)
      const baseline = new Set(Object.getOwnPropertyNames(frame.contentWindow!))
      frame.remove()
      return {
        globals: Object.getOwnPropertyNames(window).filter((k) => !baseline.has(k)),
        sheets: Array.from(document.styleSheets).map((s) => (s.href ? new URL(s.href).pathname : 'inline')),
        bodyChildren: Array.from(document.body.children).map((el) => el.getAttribute('data-support-widget') ?? el.tagName.toLowerCase())
      }
    })
    expect(added.globals).toEqual(['SupportWidget'])
    expect(added.sheets).toEqual(['/assets/app.css'])
    expect(added.bodyChildren.filter((c) => c === 'floating' || c === 'inline')).toEqual(['floating'])
  })
})
