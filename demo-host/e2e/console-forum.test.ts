// Issue 14 item 3: forum moderation. A user reports a reply from the widget ("Zgłoś"); the
// report shows in the console's Forum view under "Zgłoszone"; the expert answers (badged in
// the widget), hides the reported reply with a reason, and the reply disappears from the
// widget. axe on the Forum list and a thread; screenshots console-forum*.png.
import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { api, asPersona, closePagesAfterEach, openDemo, openPomoc, unique } from './helpers.js'
import { consoleScreenshot, expectAccessible, experts, openConsole } from './console.js'

closePagesAfterEach()

async function post<T>(path: string, persona: 'employee' | 'client', body: unknown): Promise<T> {
  const res = await api.raw('POST', path, await asPersona(persona), body)
  expect(res.status, await res.clone().text()).toBeLessThan(300)
  return (await res.json()) as T
}

/** The widget's Forum, searched for `title` until the thread shows (the index catches up), then opened. */
async function openThreadInWidget(persona: 'employee' | 'client', title: string): Promise<Locator> {
  const { page } = await openDemo(persona, '/klienci')
  const dialog = await openPomoc(page)
  await dialog.getByRole('button', { name: /^Forum/ }).click()
  await dialog.getByRole('heading', { name: 'Forum' }).waitFor()
  const deadline = Date.now() + 30_000
  for (let i = 0; ; i++) {
    await dialog.getByLabel('Szukaj na forum').fill(i % 2 ? `${title} ` : title)
    try {
      await dialog
        .getByRole('button', { name: new RegExp(title.replace(/[[\]().?*+]/g, '\\$&')) })
        .first()
        .click({ timeout: 4_000 })
      break
    } catch (err) {
      if (Date.now() > deadline) throw err
    }
  }
  await dialog.getByRole('heading', { name: title }).waitFor()
  return dialog
}

describe('console: Forum moderation', () => {
  it('a reply reported from the widget shows in the console; the expert answers and hides it, and it disappears from the widget', async () => {
    const [tomasz] = experts()
    const title = unique('Jak zaksięgować zwrot kaucji')
    const spam = unique('Tanie kredyty bez BIK, dzwoń teraz')
    const { thread } = await post<{ thread: { id: string } }>('/api/v1/forum/threads', 'employee', {
      title,
      body: 'Klient oddał kaucję za butle. Jakie konto?'
    })
    await post(`/api/v1/forum/threads/${thread.id}/replies`, 'client', { body: spam })

    // "Zgłoś" in the widget.
    const widget = await openThreadInWidget('client', title)
    const spamPost = widget.locator('li.post').filter({ hasText: spam })
    await spamPost.getByRole('button', { name: 'Zgłoś' }).click()
    await spamPost.getByLabel('Co jest nie tak z tym wpisem?').fill('Reklama, nie odpowiedź na pytanie')
    await spamPost.getByRole('button', { name: 'Wyślij zgłoszenie' }).click()
    await spamPost.getByRole('status').filter({ hasText: 'Dziękujemy' }).waitFor()

    // The console: reported threads first.
    const { page } = await openConsole(tomasz, { hash: '#/forum' })
    await page.getByRole('heading', { name: 'Forum', level: 1 }).waitFor()
    const reported = page.getByRole('list', { name: 'Zgłoszone' })
    const row = reported.getByRole('listitem').filter({ hasText: title })
    await row.waitFor()
    expect(await row.textContent()).toContain('Zgłoszenia: 1')
    await page.getByRole('list', { name: 'Bez odpowiedzi' }).or(page.getByText('Każdy wątek ma odpowiedź.')).first().waitFor()
    await consoleScreenshot(page, 'forum')
    await expectAccessible(page, 'forum')

    await row.getByRole('link', { name: title }).click()
    await page.getByRole('heading', { name: title, level: 1 }).waitFor()
    const reply = page.getByRole('article').filter({ hasText: spam })
    await reply.getByText('Reklama, nie odpowiedź na pytanie').waitFor()
    const answer = unique('Konto 202, a zwrot kaucji jako rozliczenie z kontrahentem.')
    await page.getByLabel(/Odpowiedź eksperta/).fill(answer)
    await page.getByRole('button', { name: 'Odpowiedz', exact: true }).click()
    await page.getByRole('article').filter({ hasText: answer }).getByText('Ekspert', { exact: true }).waitFor()

    await reply.getByRole('button', { name: /^Ukryj/ }).click()
    await reply.getByLabel('Powód').fill('Reklama niezwiązana z pytaniem')
    await reply.getByRole('button', { name: 'Ukryj', exact: true }).click()
    await reply.getByText(/Ukrył\(a\) .*„Reklama niezwiązana z pytaniem”/).waitFor()
    await reply.getByText('Ukryty', { exact: true }).waitFor()
    await consoleScreenshot(page, 'forum-thread')
    await expectAccessible(page, 'forum-thread')

    // The hidden reply is gone from the widget; the expert's answer shows with the expert badge.
    const again = await openThreadInWidget('employee', title)
    const expertPost = again.locator('li.post').filter({ hasText: answer })
    await expertPost.waitFor()
    expect(await expertPost.locator('.tag.exp').textContent()).toBe('Ekspert')
    expect(await again.getByText(spam).count()).toBe(0)
    // No longer reported: hiding closed the report.
    await page.goto(page.url().replace(/#.*$/, '#/forum'))
    await page.getByRole('heading', { name: 'Forum', level: 1 }).waitFor()
    await page.getByRole('heading', { name: 'Zgłoszone' }).waitFor()
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 15_000 }).not.toContain('Wczytywanie')
    expect(await page.getByRole('list', { name: 'Zgłoszone' }).getByText(title).count()).toBe(0)
  })
})
