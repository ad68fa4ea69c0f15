import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, freshChief, postCase } from '../helpers/factories.js'
import { EICAR } from '../helpers/eicar.js'
import { eventually } from '../helpers/eventually.js'
import { fastOutbox } from '../helpers/notifications.js'
import { openStream } from '../helpers/sse.js'
import { TEST_APP } from '../helpers/tokens.js'

// The series fed from outside the request hook, each by the real thing it measures: a real
// clamd's verdicts, a webhook receiver that keeps failing, a real event stream over a socket.
const TOKEN = 'metrics-token-0123456789abcdef'
let app: FastifyInstance
let base: string
let receiver: Server
let webhookAttempts = 0

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      webhookAttempts++
      res.writeHead(500).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  app = await buildTestApp({ ...fastOutbox, metricsToken: TOKEN, clamdUrl: inject('clamdUrl') })
  // On a loaded machine the first connection can outlast the start-up wait; the app is only registered once connected.
  await eventually(async () => (app.db.readyState === 1 ? true : undefined), 30_000, 'database connected')
  await app.apps.upsert(TEST_APP)
  base = await app.listen({ host: '127.0.0.1', port: 0 })
}, 60_000)
afterAll(async () => {
  await app?.close()
  receiver?.closeAllConnections()
  await new Promise((r) => receiver?.close(r))
})

const series = async (): Promise<Map<string, number>> => {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  expect(res.statusCode).toBe(200)
  const map = new Map<string, number>()
  for (const line of res.body.split('\n')) {
    const m = /^(ze_\S+) (\S+)$/.exec(line)
    if (m) map.set(m[1]!, Number(m[2]))
  }
  return map
}

it('ze_attachment_scans_total counts the real clamd verdicts by result', async () => {
  const before = await series()
  expect(before.get('ze_attachment_scans_total{result="clean"}')).toBe(0)
  expect(before.get('ze_attachment_scans_total{result="infected"}')).toBe(0)
  await createCase(app, freshChief(), {
    files: [
      { name: 'a.txt', data: 'czysty plik' },
      { name: 'b.txt', data: 'drugi czysty' }
    ]
  })
  expect((await postCase(app, freshChief(), { files: [{ name: 'wirus.txt', data: EICAR }] })).statusCode).toBe(422)
  const after = await series()
  expect(after.get('ze_attachment_scans_total{result="clean"}')).toBe(2)
  expect(after.get('ze_attachment_scans_total{result="infected"}')).toBe(1)
  expect(after.get('ze_attachment_scans_total{result="error"}')).toBe(0)
})

it('ze_sse_connections follows open event streams', async () => {
  const expert = await createExpert(app)
  const chiefStream = await openStream(`${base}/api/v1/events`, await authFor(freshChief()))
  const expertStream = await openStream(`${base}/admin/v1/events`, expert.headers)
  await eventually(async () => ((await series()).get('ze_sse_connections') === 2 ? true : undefined), 10_000, 'two streams counted')
  // Closed by the server, as on shutdown (clients reconnect elsewhere).
  app.liveHub.closeAll()
  await Promise.all([chiefStream.ended, expertStream.ended])
  await eventually(async () => ((await series()).get('ze_sse_connections') === 0 ? true : undefined), 10_000, 'closed streams uncounted')
})

it('webhook failures: each failed attempt counts, the backlog and its age show while it retries', async () => {
  const admin = await createExpert(app, { name: 'Adam Admin', admin: true })
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`
  expect((await app.inject({ method: 'PUT', url: `/admin/v1/apps/${TEST_APP.id}/webhook`, headers: admin.headers, payload: { url } })).statusCode).toBe(200)
  await createCase(app, freshChief())
  await eventually(async () => (webhookAttempts >= 2 ? true : undefined), 20_000, 'two failed webhook attempts')
  const after = await eventually(
    async () => {
      const s = await series()
      return (s.get('ze_outbox_delivery_failures_total{channel="webhook"}') ?? 0) >= 2 ? s : undefined
    },
    10_000,
    'failures counted'
  )
  expect(after.get('ze_outbox_pending{channel="webhook"}')).toBeGreaterThanOrEqual(1)
  expect(after.get('ze_outbox_oldest_pending_age_seconds')).toBeGreaterThan(0)
  expect(after.get('ze_outbox_delivery_failures_total{channel="mail"}')).toBe(0)
}, 40_000)
