// Issue 14 item 5 in Chromium against the running stack: "Statystyki" shows, for an office of
// its own, exactly the numbers of cases seeded through the API (computed by hand below), as
// summary, table and CSV; axe finds no serious or critical violation; the view's screenshot
// goes to docs/screenshots/console-stats.png with UPDATE_DOCS_SCREENSHOTS=1.
import { describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { DEMO_APP_ID, personas } from '@ze/testkit/personas'
import { api, closePagesAfterEach, env, unique } from './helpers.js'
import { consoleScreenshot, expectAccessible, experts, openConsole } from './console.js'

closePagesAfterEach()

/** A chief of an office no other test uses, so the office's statistics are this test's alone. */
async function chiefOfNewOffice(): Promise<{ authorization: string; office: { id: string; name: string } }> {
  const office = { id: `biuro-stat-${Date.now().toString(36)}`, name: unique('Biuro Statystyczne') }
  const claims = { ...personas['chief-office'].claims, sub: `u-${office.id}`, office, account: { type: 'office', ...office } }
  const now = Math.floor(Date.now() / 1000)
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(DEMO_APP_ID)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(env().appSecret))
  return { authorization: `Bearer ${token}`, office }
}

async function call(method: string, path: string, authorization: string, body?: FormData | object): Promise<{ case?: { id: string } }> {
  const res = await fetch(`${env().serviceUrl}${path}`, {
    method,
    headers: { authorization, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {})
  })
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`)
  return res.status === 204 ? {} : ((await res.json()) as { case?: { id: string } })
}

describe('console: Statystyki', () => {
  it('shows the hand-computed numbers of an office’s cases, exports them as CSV, and passes axe', async () => {
    const chief = await chiefOfNewOffice()
    const expertKey = `Bearer ${env().expertKey}`
    const ids: string[] = []
    for (let i = 1; i <= 4; i++) {
      const fd = new FormData()
      fd.append('question', `Pytanie statystyczne ${i}: jak zamknąć miesiąc?`)
      fd.append('entryPoint', 'sidebar')
      ids.push((await call('POST', '/api/v1/cases', chief.authorization, fd)).case!.id)
    }
    const [a, b, c] = ids as [string, string, string, string]
    // Expert answers a, b, c (three first responses, each within seconds); a gets a second answer (not a first one).
    for (const id of [a, b, c, a]) await api.expertReply(id, 'Proszę użyć Księgowość » Zamknięcie miesiąca.')
    // a and b resolved; b reopened by the chief; c rated 5, then 4 (the latest counts); a rated 2.
    await call('PATCH', `/admin/v1/cases/${a}`, expertKey, { status: 'resolved' })
    await call('PATCH', `/admin/v1/cases/${b}`, expertKey, { status: 'resolved' })
    const fd = new FormData()
    fd.append('body', 'Jeszcze jedno pytanie.')
    await call('POST', `/api/v1/cases/${b}/messages`, chief.authorization, fd)
    await call('POST', `/api/v1/cases/${c}/rating`, chief.authorization, { score: 5 })
    await call('POST', `/api/v1/cases/${c}/rating`, chief.authorization, { score: 4 })
    await call('POST', `/api/v1/cases/${a}/rating`, chief.authorization, { score: 2 })
    // By hand: opened 4, resolved 2, reopened 1, first responses 3 (all under a minute, so within
    // any target: 100%), ratings [0,1,0,1,0] → average 3, backlog now: b, c, d → 3 under 4 h.

    const [tomasz] = experts()
    const { page } = await openConsole(tomasz, { hash: '#/stats' })
    await page.getByRole('heading', { name: 'Statystyki', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Nawigacja' }).getByRole('link', { name: 'Statystyki' }).waitFor()
    await page.getByLabel('Biuro').selectOption({ label: chief.office.name })
    await page.getByRole('button', { name: 'Pokaż' }).click()
    const stat = (name: string) => page.locator(`[data-stat="${name}"]`)
    await expect.poll(() => stat('opened').textContent(), { timeout: 15_000 }).toBe('4')
    expect(await stat('resolved').textContent()).toBe('2')
    expect(await stat('frt-median').textContent()).toBe('0 min – 1 min')
    expect(await stat('within-target').textContent()).toBe('100% (3/3)')
    expect(await stat('rating-average').textContent()).toBe('3 (2)')
    const today = new Date().toISOString().slice(0, 10)
    const todayRow = page.locator('[data-stat="days"] tbody tr').filter({ has: page.getByRole('rowheader', { name: today }) })
    expect(await todayRow.locator('td').allTextContents()).toEqual(['4', '2', '1', '3', '2'])
    expect(await page.locator('[data-stat="backlog"] tbody td').allTextContents()).toEqual(['3', '0', '0', '0', '3'])
    expect(await page.locator('[data-stat="ratings"] tbody td').allTextContents()).toEqual(['0', '1', '0', '1', '0'])
    await page.getByRole('img', { name: /Wykres: sprawy otwarte i rozwiązane dziennie/ }).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportuj CSV' }).click()])
    const csv = await (await download.createReadStream()).toArray()
    const text = Buffer.concat(csv as Buffer[]).toString('utf8')
    expect(text.split('\r\n')[0]).toBe('day,opened,resolved,reopened,first_responses,ratings')
    expect(text).toContain(`${today},4,2,1,3,2\r\n`)
    expect(text).toContain('backlog_under_4h,3\r\n')

    await consoleScreenshot(page, 'stats')
    await expectAccessible(page, 'stats')
  })
})
