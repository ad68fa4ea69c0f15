import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { RunningMailpit } from '@ze/testkit/mailpit'
import { appWithMailpit, mailTo } from '../helpers/notifications.js'

let app: FastifyInstance
let mailpit: RunningMailpit
beforeAll(async () => {
  ;({ app, mailpit } = await appWithMailpit({ publicUrl: 'http://service.test' }))
}, 60_000)
afterAll(async () => {
  await app?.close()
  await mailpit?.stop()
})

describe('sign-in link by e-mail (real outbox and Mailpit)', () => {
  it('mails a link that signs the expert in once', async () => {
    await app.experts.create({ name: 'Tomasz Ekspert', email: 'tomasz@biuro.test', admin: false })
    const res = await app.inject({ method: 'POST', url: '/admin/v1/session/link', payload: { email: 'Tomasz@Biuro.test' } })
    expect(res.statusCode).toBe(202)

    const summary = await mailTo(mailpit, 'tomasz@biuro.test')
    const mail = await mailpit.message(summary.ID)
    const url = /http:\/\/service\.test(\/admin\/v1\/session\/link\/[A-Za-z0-9_-]{43})/.exec(mail.Text)?.[1]
    expect(url, mail.Text).toBeDefined()

    const used = await app.inject({ method: 'GET', url: url! })
    expect(used.statusCode).toBe(303)
    expect(used.headers.location).toBe('/console/')
    const cookie = used.cookies.find((c) => c.name === '__Host-ze_session')!
    const me = await app.inject({ method: 'GET', url: '/admin/v1/me', headers: { cookie: `${cookie.name}=${cookie.value}` } })
    expect(me.json().name).toBe('Tomasz Ekspert')
    expect((await app.inject({ method: 'GET', url: url! })).headers.location).toBe('/console/#/signin?link=invalid')
  })

  it('an unknown address gets no mail and the same 202', async () => {
    const res = await app.inject({ method: 'POST', url: '/admin/v1/session/link', payload: { email: 'stranger@biuro.test' } })
    expect(res.statusCode).toBe(202)
    await new Promise((r) => setTimeout(r, 500))
    expect((await mailpit.messages()).filter((m) => m.To.some((t) => t.Address === 'stranger@biuro.test'))).toEqual([])
  })
})
