// Issue 13 items 2 and 9: an expert's console session in a real browser — signed in by the
// link mailed through Mailpit or by key, and a page of another origin on the same site (the
// demo host: same 127.0.0.1, another port, so the SameSite=Strict cookie does ride along)
// cannot write with that cookie.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api, closePagesAfterEach, env, unique } from './helpers.js'
import { consoleUrl, experts, newConsoleContext, signInLinkFromMail } from './console.js'

closePagesAfterEach()

const messagesOf = async (caseId: string): Promise<Array<{ body: string }>> => {
  const res = await api.raw('GET', `/admin/v1/cases/${caseId}`, `Bearer ${env().expertKey}`)
  return ((await res.json()) as { messages: Array<{ body: string }> }).messages
}

const meInPage = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/admin/v1/me')
    return { status: res.status, body: (await res.json()) as { name?: string; code?: string } }
  })

describe('console session in the browser', () => {
  it('the link mailed through Mailpit signs the browser in with a HttpOnly, Secure, SameSite=Strict cookie; a second use is refused', async () => {
    const [, joanna] = experts()
    const { page, context } = await newConsoleContext()
    const res = await fetch(`${env().serviceUrl}/admin/v1/session/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: joanna.email })
    })
    expect(res.status).toBe(202)
    const link = await signInLinkFromMail(joanna.email)
    await page.goto(link)
    expect(page.url()).toBe(consoleUrl())
    const [cookie] = (await context.cookies()).filter((c) => c.name === '__Host-ze_session')
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' })
    expect(await page.evaluate(() => document.cookie)).not.toContain('ze_session')
    expect(await meInPage(page)).toMatchObject({ status: 200, body: { name: joanna.name } })

    const other = await newConsoleContext()
    await other.page.goto(link)
    expect(other.page.url()).toBe(consoleUrl('#/signin?link=invalid'))
    expect(await meInPage(other.page)).toMatchObject({ status: 401 })
  })

  it('a page of another origin on the same site cannot write with the expert’s cookie (form post, simple fetch, or fetch with the console header)', async () => {
    const [tomasz] = experts()
    const created = await api.createCase('chief-office', unique('Próba CSRF'))
    const { page, context } = await newConsoleContext()
    const started = await context.request.post(`${env().serviceUrl}/admin/v1/session`, { headers: { authorization: `Bearer ${tomasz.key}` } })
    expect(started.status()).toBe(204)
    const target = `${env().serviceUrl}/admin/v1/cases/${created.id}/messages`

    await page.goto(`${env().demoUrl}/?persona=employee`)
    const outcome = await page.evaluate(async (url) => {
      const simple = await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ body: 'CSRF: prosty fetch' }) })
      let withHeader = 'sent'
      try {
        await fetch(url, {
          method: 'POST',
          credentials: 'include',
          headers: { 'x-ze-console': '1' },
          body: new URLSearchParams({ body: 'CSRF: fetch z nagłówkiem' })
        })
      } catch {
        withHeader = 'refused by the browser (no CORS approval)'
      }
      return { simple: simple.type, withHeader }
    }, target)
    expect(outcome).toEqual({ simple: 'opaque', withHeader: 'refused by the browser (no CORS approval)' })

    // A classic form post: a top-level navigation, so the cookie is sent; the service answers 403 CSRF_REJECTED.
    const answer = page.waitForResponse((r) => r.url() === target)
    await page.evaluate((url) => {
      const form = document.createElement('form')
      Object.assign(form, { method: 'POST', action: url, enctype: 'multipart/form-data' })
      const field = Object.assign(document.createElement('input'), { name: 'body', value: 'CSRF: formularz' })
      form.append(field)
      document.body.append(form)
      form.submit()
    }, target)
    const refused = await answer
    expect(refused.request().headers()['cookie'] ?? (await refused.request().allHeaders())['cookie']).toContain('__Host-ze_session')
    expect(refused.status()).toBe(403)
    expect((await refused.json()).code).toBe('CSRF_REJECTED')
    expect((await messagesOf(created.id)).map((m) => m.body).filter((b) => b.startsWith('CSRF'))).toEqual([])

    // Control: the same cookie from the service's own origin with the console header does write.
    await page.goto(`${env().serviceUrl}/healthz`)
    const status = await page.evaluate(async (url) => {
      const fd = new FormData()
      fd.append('body', 'Odpowiedź z konsoli')
      return (await fetch(url, { method: 'POST', headers: { 'x-ze-console': '1' }, body: fd })).status
    }, target)
    expect(status).toBe(201)
    expect((await messagesOf(created.id)).map((m) => m.body)).toContain('Odpowiedź z konsoli')
  })
})
