// Issue 15 item 11: a host page with the strict policy of docs/embedding.md (no inline script or
// style, Trusted Types enforced) shows the widget exactly as the normal page does.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api, closePagesAfterEach, demoUrl, env, openDemo, openPomoc, panel, screenshot, unique, widgetStyles } from './helpers.js'

closePagesAfterEach()

type View = 'home' | 'ask' | 'article' | 'case'

/** Records every CSP / Trusted Types violation: each one would mean something did not load or render. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`))
  })
}
const violations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)

async function open(path: string, view: View, caseId: string) {
  const demo = await openDemo('chief-office', path, { beforeLoad: watchViolations })
  const dialog = await openPomoc(demo.page)
  if (view === 'ask') {
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    await dialog.getByLabel('Twoje pytanie').waitFor()
  } else if (view === 'article') {
    // Article HTML goes through innerHTML: under Trusted Types only via the widget's policy.
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
  // Suggestions, the unread poll and fonts settle the same way on both pages.
  await demo.page.waitForTimeout(400)
  await demo.page.mouse.move(0, 0)
  return demo
}

describe('strict-CSP host page (/strict-csp)', () => {
  it('is served with exactly the policy of docs/embedding.md and runs no inline script or style', async () => {
    const res = await fetch(demoUrl('/strict-csp'))
    const service = env().serviceUrl
    expect(res.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self' ${service}; style-src 'self'; connect-src 'self' ${service}; ` +
        `img-src 'self' ${service} data: blob:; require-trusted-types-for 'script'`
    )
    const html = await res.text()
    expect(html).not.toMatch(/<script>|<style|style="/)
    expect(html).toContain('<script src="/assets/stub.js"></script>')
  })

  let caseId = ''
  for (const view of ['home', 'ask', 'article', 'case'] as const) {
    it(`${view}: the panel is positioned and styled exactly as on /, and nothing is blocked`, async () => {
      if (!caseId) {
        const subject = unique('CSP: rozmowa')
        const c = await api.createCase('chief-office', `${subject}\nTreść.`, subject)
        await api.expertReply(c.id, 'Odpowiedź z adresem https://mojebiuro24.pl/pomoc.')
        caseId = c.id
      }
      // Read before either page opens it, so both show the same messages (no "Nowe" marker on one only).
      if (view === 'case') await api.markRead('chief-office', [caseId])
      const normal = await open('/', view, caseId)
      const strict = await open('/strict-csp', view, caseId)
      const dialog = panel(strict.page)
      // Positioned: the fixed card at the bottom right, not an unstyled block in the page flow.
      expect(await dialog.evaluate((el) => getComputedStyle(el).position)).toBe('fixed')
      const box = (await dialog.boundingBox())!
      expect([Math.round(box.x + box.width), Math.round(box.width)]).toEqual([1366 - 20, 400])
      expect(await dialog.locator('.head').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 95, 191)')
      const [a, b] = [await widgetStyles(normal.page), await widgetStyles(strict.page)]
      expect(b.elements.length).toBe(a.elements.length)
      for (const [i, el] of a.elements.entries()) expect(b.elements[i], el.el).toEqual(el)
      expect(await violations(strict.page)).toEqual([])
      await screenshot(strict.page, `i15-strict-csp-${view}`)
    })
  }
})
