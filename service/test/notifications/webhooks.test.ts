import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { Webhook } from 'standardwebhooks'
import { buildTestApp } from '../helpers/app.js'
import { TEST_APP } from '../helpers/tokens.js'
import { authFor, createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'
import { eventually } from '../helpers/eventually.js'
import { fastOutbox } from '../helpers/notifications.js'

interface Received {
  headers: IncomingHttpHeaders
  body: string
  status: number
}

let app: FastifyInstance
let receiver: Server
let url: string
const received: Received[] = []
// Statuses the receiver answers with, in order; 200 once the list is used up.
const script: number[] = []

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const status = script.shift() ?? 200
      received.push({ headers: req.headers, body, status })
      res.writeHead(status).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`
  app = await buildTestApp(fastOutbox)
}, 60_000)
afterAll(async () => {
  await app?.close()
  await new Promise((r) => receiver?.close(r))
})

const eventsOf = (type: string, caseId: string) =>
  received.filter((r) => r.status === 200 && JSON.parse(r.body).type === type && JSON.parse(r.body).data.case.id === caseId)

describe('webhooks to the host app', () => {
  let admin: Awaited<ReturnType<typeof createExpert>>
  let secret: string

  it('are configured by an admin expert (an expert without the role is refused)', async () => {
    admin = await createExpert(app, { name: 'Adam Admin', admin: true })
    const expert = await createExpert(app, { name: 'Ewa Ekspert' })
    expect((await app.inject({ method: 'PUT', url: `/admin/v1/apps/${TEST_APP.id}/webhook`, headers: expert.headers, payload: { url } })).json().code).toBe(
      'ADMIN_ROLE_REQUIRED'
    )
    expect((await app.inject({ method: 'PUT', url: '/admin/v1/apps/no-such-app/webhook', headers: admin.headers, payload: { url } })).json().code).toBe(
      'APP_NOT_FOUND'
    )
    const res = await app.inject({ method: 'PUT', url: `/admin/v1/apps/${TEST_APP.id}/webhook`, headers: admin.headers, payload: { url } })
    expect(res.statusCode, res.body).toBe(200)
    secret = res.json().secret
    expect(secret).toMatch(/^whsec_/)
  })

  it('deliver case.created signed per Standard Webhooks, retried with backoff until the receiver accepts', async () => {
    script.push(500, 503)
    const created = await createCase(app, freshChief({ email: 'szef@biuro.test' }), { question: 'Tajne pytanie o fakturę' })
    const delivery = await eventually(async () => eventsOf('case.created', created.case.id)[0], 20_000, 'case.created delivered')
    const attempts = received.filter((r) => r.headers['webhook-id'] === delivery.headers['webhook-id'])
    expect(attempts.map((r) => r.status)).toEqual([500, 503, 200])

    const payload = new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>) as Record<string, any>
    expect(payload).toMatchObject({ type: 'case.created', data: { case: { id: created.case.id, number: created.case.number, status: 'open' } } })
    expect(delivery.headers['webhook-signature']).toMatch(/^v1,/)
    expect(delivery.body).not.toContain('Tajne pytanie')
    expect(delivery.body).not.toContain('szef@biuro.test')
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(delivery.body, delivery.headers as Record<string, string>)).toThrow()
    const tampered = delivery.body.replace('"open"', '"resolved"')
    expect(() => new Webhook(secret).verify(tampered, delivery.headers as Record<string, string>)).toThrow()

    const log = await app.inject({ method: 'GET', url: `/admin/v1/webhooks/deliveries?appId=${TEST_APP.id}`, headers: admin.headers })
    const entry = (log.json().items as Array<Record<string, unknown>>).find((d) => d.id === delivery.headers['webhook-id'])
    expect(entry).toMatchObject({ type: 'case.created', state: 'sent', attempts: 3, lastStatus: 200, lastError: null })
  }, 40_000)

  it('show failures in the delivery log while retrying', async () => {
    script.push(500, 500, 500, 500, 500, 500)
    const created = await createCase(app, freshChief())
    const entry = await eventually(
      async () => {
        const log = await app.inject({ method: 'GET', url: `/admin/v1/webhooks/deliveries?appId=${TEST_APP.id}`, headers: admin.headers })
        const found = (log.json().items as Array<Record<string, any>>).find((d) => d.id === `wh:${TEST_APP.id}:case.created:${created.case.id}`)
        return found && found.attempts >= 2 ? found : undefined
      },
      20_000,
      'two failed attempts logged'
    )
    expect(entry).toMatchObject({ state: 'pending', lastStatus: 500, lastError: 'receiver answered 500' })
    expect(entry.nextAttemptAt).not.toBeNull()
    await eventually(async () => eventsOf('case.created', created.case.id)[0], 30_000, 'delivered after the failures')
  }, 60_000)

  it('report case.replied, case.read and case.resolved with ids only', async () => {
    const chief = freshChief()
    const created = await createCase(app, chief)
    const reply = await expertReply(app, admin.headers, created.case.id, 'Odpowiedź z treścią, której webhook nie niesie')
    expect(reply.statusCode).toBe(201)
    await app.inject({ method: 'POST', url: '/api/v1/cases/read', headers: await authFor(chief), payload: { ids: [created.case.id] } })
    await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${created.case.id}`, headers: admin.headers, payload: { status: 'resolved' } })

    const replied = await eventually(async () => eventsOf('case.replied', created.case.id)[0], 20_000, 'case.replied')
    expect(JSON.parse(replied.body).data).toEqual({
      case: { id: created.case.id, number: created.case.number, status: 'answered', officeId: chief.office && (chief.office as { id: string }).id },
      messageId: reply.json().message.id
    })
    expect(replied.body).not.toContain('Odpowiedź z treścią')
    await eventually(async () => eventsOf('case.read', created.case.id)[0], 20_000, 'case.read')
    const resolved = await eventually(async () => eventsOf('case.resolved', created.case.id)[0], 20_000, 'case.resolved')
    expect(JSON.parse(resolved.body).data.case.status).toBe('resolved')
  }, 40_000)
})
