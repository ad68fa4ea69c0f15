// Issue 12: live updates. An expert's reply reaches the chief's open widget through the event
// stream — the conversation shows it in place and the badge changes — without the 30 s poll.
import { describe, expect, it } from 'vitest'
import { api, badgeText, caseRow, closePagesAfterEach, openDemo, openMojePytania, screenshot, unique } from './helpers.js'

closePagesAfterEach()

describe('live updates', () => {
  it('an expert reply appears in the open conversation and the badge changes, with no poll in between', async () => {
    const open = unique('Jak zaksięgować fakturę zaliczkową?')
    const other = unique('Czy mogę zmienić okres rozliczeniowy VAT?')
    const a = await api.createCase('chief-office', open, open)
    const b = await api.createCase('chief-office', other, other)
    let streamUp = false
    let meRequests = 0
    const demo = await openDemo('chief-office', '/', {
      beforeLoad: async (page) => {
        page.on('response', (r) => {
          if (r.url().includes('/api/v1/events') && r.status() === 200) streamUp = true
        })
        page.on('request', (r) => {
          if (r.url().includes('/api/v1/me')) meRequests++
        })
      }
    })
    const { page } = demo
    const list = await openMojePytania(page)
    await caseRow(list, open).getByRole('button').filter({ hasText: open }).click()
    const conversation = list.getByRole('article')
    await conversation.getByText(open).first().waitFor()
    await expect.poll(() => streamUp, { timeout: 10_000 }).toBe(true)
    // Opening the case marked it read; wait until the badge has settled before counting.
    const before = (await api.me('chief-office')).unreadCount
    await expect.poll(() => badgeText(page)).toBe(before ? String(before) : null)
    const mePolls = meRequests

    const reply = 'Fakturę zaliczkową księguje się w Księgowość » Zaliczki; proszę wybrać rejestr VAT sprzedaży.'
    const sent = Date.now()
    await api.expertReply(a.id, reply)
    await conversation.getByText(reply).waitFor({ timeout: 10_000 })
    const shownAfter = Date.now() - sent
    // Announced politely to screen readers, and read (it is on screen): the badge does not count it.
    await expect.poll(() => list.locator('p.sr[aria-live="polite"]').textContent()).toContain(reply)
    await expect.poll(async () => (await api.cases('chief-office')).find((c) => c.id === a.id)?.unread).toBe(false)
    await screenshot(page, 'live-odpowiedz-w-rozmowie')

    await api.expertReply(b.id, 'Tak, w Ustawienia » VAT » Okres.')
    await expect.poll(() => badgeText(page), { timeout: 10_000 }).toBe(String(before + 1))
    expect(meRequests).toBe(mePolls)
    expect(shownAfter).toBeLessThan(10_000)
    expect(demo.problems).toEqual([])
  })
})
