import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { RunningMailpit } from '@ze/testkit/mailpit'
import { chiefReply, createCase, freshChief } from '../helpers/factories.js'
import { appWithMailpit, mailTo, outboxState } from '../helpers/notifications.js'

let app: FastifyInstance
let mailpit: RunningMailpit
const experts: Record<'all' | 'unassigned' | 'digest' | 'none', { id: string; headers: Record<string, string>; email: string }> = {} as never

beforeAll(async () => {
  // A delay long enough that reading / assigning right after the reply always wins, even on a busy CI machine.
  ;({ app, mailpit } = await appWithMailpit({ notifyDelaySeconds: 3 }))
  for (const choice of ['all', 'unassigned', 'digest', 'none'] as const) {
    const email = `ekspert.${choice}@example.com`
    const { expert, key } = await app.experts.create({ name: `Ekspert ${choice}`, email, admin: false })
    const headers = { authorization: `Bearer ${key}` }
    const res = await app.inject({ method: 'PUT', url: '/admin/v1/me/notifications', headers, payload: { newCases: choice } })
    expect(res.json()).toEqual({ newCases: choice })
    experts[choice] = { id: expert.id, headers, email }
  }
}, 60_000)
afterAll(async () => {
  await app?.close()
  await mailpit?.stop()
})

const mailsTo = async (address: string, subject: string) =>
  (await mailpit.messages()).filter((m) => m.To.some((t) => t.Address === address) && m.Subject.includes(subject))

describe('e-mail to experts', () => {
  it('keeps each expert’s choice', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/v1/me/notifications', headers: experts.digest.headers })
    expect(res.json()).toEqual({ newCases: 'digest' })
    const bad = await app.inject({ method: 'PUT', url: '/admin/v1/me/notifications', headers: experts.digest.headers, payload: { newCases: 'sometimes' } })
    expect(bad.json().code).toBe('VALIDATION_FAILED')
  })

  it('tell about a new case: every-case experts at once, only-unassigned ones when nobody took it, none never', async () => {
    const created = await createCase(app, freshChief({ office: { id: 'office-exp-1', name: 'Biuro <Eksperckie>' } }), {
      question: 'Jak zamknąć miesiąc?\nSzczegóły w załączniku.'
    })
    const subject = `Nowa sprawa #${created.case.number}: Jak zamknąć miesiąc?`
    const toAll = await mailTo(mailpit, experts.all.email, subject)
    const text = (await mailpit.message(toAll.ID)).Text.replace(/\r\n/g, '\n')
    expect(text).toContain('Nowe pytanie od biura Biuro <Eksperckie>:')
    expect(text).toContain(`http://service.test/console/?case=${created.case.id}`)
    await mailTo(mailpit, experts.unassigned.email, subject)
    await outboxState(app, `mail:expert-new-case:${created.case.id}:${experts.unassigned.id}`, ['sent'])
    expect(await app.notifications.outbox.get(`mail:expert-new-case:${created.case.id}:${experts.none.id}`)).toBeNull()
    expect(await mailsTo(experts.none.email, subject)).toEqual([])
  })

  it('skip only-unassigned experts when the case was assigned within the delay, then mail the assignee the chief’s reply', async () => {
    const chief = freshChief()
    const created = await createCase(app, chief, { question: 'Pytanie, które ktoś od razu weźmie' })
    const patch = await app.inject({
      method: 'PATCH',
      url: `/admin/v1/cases/${created.case.id}`,
      headers: experts.all.headers,
      payload: { assignee: experts.unassigned.id }
    })
    expect(patch.statusCode, patch.body).toBe(200)
    const skipped = await outboxState(app, `mail:expert-new-case:${created.case.id}:${experts.unassigned.id}`, ['cancelled', 'sent'])
    expect(skipped).toMatchObject({ state: 'cancelled', lastError: 'no longer applies' })

    const reply = await chiefReply(app, chief, created.case.id, 'Dodatkowe informacje <b>od szefa</b>')
    expect(reply.statusCode, reply.body).toBe(201)
    const found = await mailTo(mailpit, experts.unassigned.email, `Klient odpowiedział w sprawie #${created.case.number}`)
    const full = await mailpit.message(found.ID)
    expect(full.HTML).toContain('Dodatkowe informacje &lt;b&gt;od szefa&lt;/b&gt;')
    expect(full.HTML).toContain('Anna Szef')
    expect((await mailpit.headers(found.ID))['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click'])
    // Not assigned to them: the other experts get nothing about the reply.
    expect(await mailsTo(experts.all.email, 'Klient odpowiedział')).toEqual([])
  })

  it('collect a day’s new cases into one digest', async () => {
    const first = await createCase(app, freshChief(), { question: 'Pierwsza sprawa dnia' })
    const second = await createCase(app, freshChief(), { question: 'Druga sprawa dnia' })
    const day = new Date().toISOString().slice(0, 10)
    const id = `mail:expert-digest:${experts.digest.id}:${day}`
    const pending = await app.notifications.outbox.get(id)
    expect(pending).toMatchObject({ state: 'pending' })
    expect(pending!.dueAt.toISOString()).toBe(new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString())
    // As if the day were over.
    await app.models.Outbox.updateOne({ _id: id }, { $set: { dueAt: new Date() } })
    const found = await mailTo(mailpit, experts.digest.email, `Nowe sprawy z ${day}`)
    const text = (await mailpit.message(found.ID)).Text
    expect(text).toContain(`#${first.case.number} Pierwsza sprawa dnia`)
    expect(text).toContain(`#${second.case.number} Druga sprawa dnia`)
    expect(await mailsTo(experts.digest.email, 'Nowa sprawa #')).toEqual([])
  })
})
