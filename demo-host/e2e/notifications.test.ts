// Issue 12 item 5: the host app receives Zapytaj Eksperta's signed webhooks on its backend
// and shows them in its own notification bell.
import { describe, expect, it } from 'vitest'
import { Webhook } from 'standardwebhooks'
import { api, closePagesAfterEach, env, openDemo, unique } from './helpers.js'

closePagesAfterEach()

describe('webhooks to the demo host', () => {
  it('a new case and an expert reply appear in the bell of the chief’s office, and nowhere else', async () => {
    const created = await api.createCase('chief-office', unique('Pytanie z dzwonkiem'))
    await api.expertReply(created.id, 'Odpowiedź, o której powie dzwonek')
    const { page } = await openDemo('chief-office')
    const bell = page.locator('#bell-button')
    await page.locator('#bell-badge:not([hidden])').waitFor({ timeout: 20_000 })
    await bell.click()
    const list = page.locator('#bell-list')
    await list.getByRole('button', { name: new RegExp(`Nowa sprawa #${created.number}\\b`) }).waitFor({ timeout: 20_000 })
    await expect
      .poll(async () => list.getByRole('button', { name: new RegExp(`Odpowiedź eksperta w sprawie #${created.number}\\b`) }).count(), { timeout: 20_000 })
      .toBe(1)
    expect(await bell.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Escape')
    expect(await list.isHidden()).toBe(true)

    const other = (await (await fetch(`${env().demoUrl}/demo/notifications?persona=chief-other-office`)).json()) as { events: Array<{ caseId: string }> }
    expect(other.events.some((e) => e.caseId === created.id)).toBe(false)
  })

  it('the receiver refuses a webhook whose signature does not verify', async () => {
    const body = JSON.stringify({
      type: 'case.created',
      timestamp: new Date().toISOString(),
      data: { case: { id: 'x', number: 1, status: 'open', officeId: 'biuro-alfa' } }
    })
    const forged = new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`)
    const now = new Date()
    const res = await fetch(`${env().demoUrl}/demo/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': forged.sign('msg_forged', now, body)
      },
      body
    })
    expect(res.status).toBe(401)
  })
})
