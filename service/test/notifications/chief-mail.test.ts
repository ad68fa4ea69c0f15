import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { RunningMailpit } from '@ze/testkit/mailpit'
import { TEST_APP } from '../helpers/tokens.js'
import { authFor, createCase, createExpert, expertReply, freshChief, samples } from '../helpers/factories.js'
import { appWithMailpit, mailTo, outboxState } from '../helpers/notifications.js'

let app: FastifyInstance
let mailpit: RunningMailpit
let expert: Awaited<ReturnType<typeof createExpert>>

beforeAll(async () => {
  // A delay long enough that reading / assigning right after the reply always wins, even on a busy CI machine.
  ;({ app, mailpit } = await appWithMailpit({ notifyDelaySeconds: 3 }))
  await app.apps.upsert({ ...TEST_APP, caseUrlTemplate: 'https://app.example/wiadomosci?case={id}' })
  expert = await createExpert(app, { name: 'Tomasz Ekspert' })
  // No new-case mail in this file: it is about the chief's side.
  await app.models.Expert.updateMany({}, { $set: { notifyNewCases: 'none' } })
}, 60_000)
afterAll(async () => {
  await app?.close()
  await mailpit?.stop()
})

const chiefWithMail = (email: string, extra: Record<string, unknown> = {}) => freshChief({ email, ...extra })

describe('e-mail to the chief when an expert reply stays unread', () => {
  it('sends the reply in Polish with the case number, the text, named attachments, the host link and one-click unsubscribe', async () => {
    const chief = chiefWithMail('anna.pl@biuro.test')
    const created = await createCase(app, chief, { question: 'Jak wystawić korektę?' })
    const res = await expertReply(app, expert.headers, created.case.id, 'Proszę wybrać Faktury » Korekta.\nDruga linia.', {
      files: [{ name: 'instrukcja.pdf', data: samples.pdf }]
    })
    expect(res.statusCode, res.body).toBe(201)

    const found = await mailTo(mailpit, 'anna.pl@biuro.test')
    expect(found.Subject).toBe(`Odpowiedź eksperta w sprawie #${created.case.number}: Jak wystawić korektę?`)
    const full = await mailpit.message(found.ID)
    full.Text = full.Text.replace(/\r\n/g, '\n')
    expect(full.Text).toContain('Tomasz Ekspert odpowiedział(a)')
    expect(full.Text).toContain('> Proszę wybrać Faktury » Korekta.\n> Druga linia.')
    expect(full.Text).toContain('- instrukcja.pdf')
    expect(full.Text).toContain(`https://app.example/wiadomosci?case=${created.case.id}`)
    expect(full.Attachments).toEqual([])
    expect(full.HTML).toContain(`href="https://app.example/wiadomosci?case=${created.case.id}"`)
    const headers = await mailpit.headers(found.ID)
    expect(headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click'])
    expect(headers['List-Unsubscribe']?.[0]).toMatch(/^<http:\/\/service\.test\/unsubscribe\?token=[\w-]+>$/)
  })

  it('writes English for an English token', async () => {
    const chief = chiefWithMail('anna.en@biuro.test', { locale: 'en' })
    const created = await createCase(app, chief, { question: 'How do I correct an invoice?' })
    await expertReply(app, expert.headers, created.case.id, 'Use Invoices » Correction.')
    const found = await mailTo(mailpit, 'anna.en@biuro.test')
    expect(found.Subject).toBe(`Expert reply in case #${created.case.number}: How do I correct an invoice?`)
    expect((await mailpit.message(found.ID)).Text).toContain('Tomasz Ekspert replied in your case')
  })

  it('is cancelled when the chief reads the case first, and never sent for internal notes', async () => {
    const chief = chiefWithMail('anna.read@biuro.test')
    const created = await createCase(app, chief)
    const note = await expertReply(app, expert.headers, created.case.id, 'Notatka dla zespołu', { internal: true })
    const reply = await expertReply(app, expert.headers, created.case.id, 'Odpowiedź')
    const read = await app.inject({ method: 'POST', url: '/api/v1/cases/read', headers: await authFor(chief), payload: { ids: [created.case.id] } })
    expect(read.json().changed).toEqual([created.case.id])

    const item = await outboxState(app, `mail:chief-reply:${reply.json().message.id}`, ['cancelled', 'sent'])
    expect(item.state).toBe('cancelled')
    expect(await app.notifications.outbox.get(`mail:chief-reply:${note.json().message.id}`)).toBeNull()
    expect((await mailpit.messages()).filter((m) => m.To.some((t) => t.Address === 'anna.read@biuro.test'))).toEqual([])
  })

  it('is not written when the token carries no e-mail', async () => {
    const created = await createCase(app, freshChief())
    const reply = await expertReply(app, expert.headers, created.case.id, 'Odpowiedź')
    expect(await app.notifications.outbox.get(`mail:chief-reply:${reply.json().message.id}`)).toBeNull()
  })

  it('arrives as text when subject and reply are full of HTML', async () => {
    const chief = chiefWithMail('anna.html@biuro.test')
    const created = await createCase(app, chief, { question: 'Pytanie', subject: '<img src=x onerror=alert(1)> & <b>pilne</b>' })
    await expertReply(app, expert.headers, created.case.id, '<script>alert("x")</script> <a href="https://evil.example">kliknij</a>', {
      files: [{ name: "<b>plik & 'x'.pdf", data: samples.pdf }]
    })
    const found = await mailTo(mailpit, 'anna.html@biuro.test')
    expect(found.Subject).toContain('<img src=x onerror=alert(1)> & <b>pilne</b>')
    const full = await mailpit.message(found.ID)
    expect(full.HTML).not.toContain('<script>')
    expect(full.HTML).not.toContain('<img src=x')
    expect(full.HTML).not.toContain('href="https://evil.example"')
    expect(full.HTML).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(full.HTML).toContain('<li>&lt;b&gt;plik &amp; &#39;x&#39;.pdf</li>')
    expect(full.Text).toContain('<script>alert("x")</script>')
  })

  it('stops after the one-click unsubscribe, which the endpoint records', async () => {
    const chief = chiefWithMail('anna.unsub@biuro.test')
    const first = await createCase(app, chief)
    await expertReply(app, expert.headers, first.case.id, 'Pierwsza odpowiedź')
    const found = await mailTo(mailpit, 'anna.unsub@biuro.test')
    const link = (await mailpit.headers(found.ID))['List-Unsubscribe']![0]!.slice('<http://service.test'.length, -1)

    const page = await app.inject({ method: 'GET', url: link })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<form method="post"')
    const oneClick = await app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click'
    })
    expect(oneClick.statusCode, oneClick.body).toBe(200)
    expect((await app.inject({ method: 'POST', url: '/unsubscribe?token=AAAAAAAAAAAAAAAAAAAAAAAA' })).json().code).toBe('UNSUBSCRIBE_LINK_INVALID')

    const second = await createCase(app, chief)
    const reply = await expertReply(app, expert.headers, second.case.id, 'Druga odpowiedź')
    const item = await outboxState(app, `mail:chief-reply:${reply.json().message.id}`, ['cancelled', 'sent'])
    expect(item).toMatchObject({ state: 'cancelled', lastError: 'unsubscribed' })
    expect((await mailpit.messages()).filter((m) => m.To.some((t) => t.Address === 'anna.unsub@biuro.test'))).toHaveLength(1)
  })
})

describe('enqueueMail (used by the console for sign-in links)', () => {
  it('delivers a transactional e-mail without an unsubscribe link, once per key', async () => {
    const request = {
      to: 'ekspert@example.com',
      template: 'sign-in-link' as const,
      key: 'link-1',
      data: { name: 'Ewa', url: 'http://service.test/console/sign-in#t=abc', expiresMinutes: 15 }
    }
    expect(await app.notifications.enqueueMail(request)).toBe(true)
    expect(await app.notifications.enqueueMail(request)).toBe(false)
    const found = await mailTo(mailpit, 'ekspert@example.com', 'Link do logowania')
    expect((await mailpit.message(found.ID)).Text).toContain('Zaloguj się: http://service.test/console/sign-in#t=abc')
    expect((await mailpit.headers(found.ID))['List-Unsubscribe']).toBeUndefined()
    await outboxState(app, 'mail:sign-in-link:link-1', ['sent'])
    expect((await mailpit.messages()).filter((m) => m.To.some((t) => t.Address === 'ekspert@example.com'))).toHaveLength(1)
  })
})
