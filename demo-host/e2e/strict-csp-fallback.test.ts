// Issue 15 item 11, the fallback: a browser without constructable stylesheets (Safari < 16.4,
// Firefox < 101; here Chromium with `adoptedStyleSheets` deleted before the widget loads) gets
// the widget's CSS as content-hashed files through <link>, which a strict policy allows when its
// style-src names the service (/strict-csp-css); no inline <style>, no violation.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api, closePagesAfterEach, demoUrl, env, floatingHost, openDemo, openPomoc, panel, screenshot, unique, widgetStyles } from './helpers.js'

closePagesAfterEach()

type View = 'home' | 'ask' | 'article' | 'case'

async function legacyBrowser(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
    delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets
    delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets
  })
}

async function open(path: string, view: View, caseId: string, legacy: boolean) {
  const demo = await openDemo('chief-office', path, legacy ? { beforeLoad: legacyBrowser } : {})
  const dialog = await openPomoc(demo.page)
  if (view === 'ask') {
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    await dialog.getByLabel('Twoje pytanie').waitFor()
  } else if (view === 'article') {
    await dialog.getByRole('button', { name: /^Artykuły/ }).click()
    await dialog
      .getByText(/Jak załączyć plik/)
      .first()
      .click()
    await dialog.locator('.prose p').first().waitFor()
  } else if (view === 'case') {
    await demo.page.evaluate((id) => window.SupportWidget!('open', { caseId: id }), caseId)
    await dialog.locator('li.msg.expert').waitFor()
  }
  await demo.page.waitForTimeout(400)
  await demo.page.mouse.move(0, 0)
  return demo
}

// The adopted path keeps a hidden marker <span> per view sheet, the fallback a <link>.
const IGNORE = 'style, link, span[hidden]'

describe('strict CSP without constructable stylesheets (/strict-csp-css)', () => {
  it('the page names the service in style-src and nothing else changes', async () => {
    const service = env().serviceUrl
    const res = await fetch(demoUrl('/strict-csp-css'))
    expect(res.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self' ${service}; style-src 'self' ${service}; connect-src 'self' ${service}; ` +
        `img-src 'self' ${service} data: blob:; require-trusted-types-for 'script'`
    )
  })

  let caseId = ''
  for (const view of ['home', 'ask', 'article', 'case'] as const) {
    it(`${view}: styled through <link>s to hashed CSS files exactly as on /, no inline style, nothing blocked`, async () => {
      if (!caseId) {
        const subject = unique('CSS z pliku: rozmowa')
        const c = await api.createCase('chief-office', `${subject}\nTreść.`, subject)
        await api.expertReply(c.id, 'Odpowiedź z adresem https://mojebiuro24.pl/pomoc.')
        caseId = c.id
      }
      if (view === 'case') await api.markRead('chief-office', [caseId])
      const normal = await open('/', view, caseId, false)
      const legacy = await open('/strict-csp-css', view, caseId, true)
      const host = floatingHost(legacy.page)
      const sheets = await host.evaluate((h) => ({
        adopted: 'adoptedStyleSheets' in ShadowRoot.prototype,
        links: Array.from(h.shadowRoot!.querySelectorAll('link')).map((l) => new URL(l.href).pathname),
        styles: h.shadowRoot!.querySelectorAll('style').length
      }))
      expect(sheets.adopted).toBe(false)
      expect(sheets.styles).toBe(0)
      expect(sheets.links[0]).toMatch(/^\/widget-assets\/core-[\w-]{8}\.css$/)
      if (view !== 'home')
        expect(sheets.links.slice(1)).toEqual([
          expect.stringMatching(view === 'article' ? /^\/widget-assets\/content-[\w-]{8}\.css$/ : /^\/widget-assets\/expert-[\w-]{8}\.css$/)
        ])
      const dialog = panel(legacy.page)
      expect(await dialog.evaluate((el) => getComputedStyle(el).position)).toBe('fixed')
      expect(await dialog.locator('.head').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 95, 191)')
      const a = await widgetStyles(normal.page, IGNORE)
      await expect.poll(async () => (await widgetStyles(legacy.page, IGNORE)).elements, { timeout: 10_000 }).toEqual(a.elements)
      expect(await legacy.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
      await screenshot(legacy.page, `widget-css-file-fallback-${view}`)
    })
  }

  it('the same browser on the stricter /strict-csp page is refused the files, as docs/embedding.md says', async () => {
    const demo = await openDemo('chief-office', '/strict-csp', { beforeLoad: legacyBrowser })
    await openPomoc(demo.page)
    const blocked = await demo.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
    expect(blocked.some((v) => /^style-src(-elem)? .*\/widget-assets\/core-[\w-]{8}\.css$/.test(v))).toBe(true)
  })
})
