import { timingSafeEqual } from 'node:crypto'
import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { AppError } from '../../errors.js'
import type { ScanResult } from '../../uploads/scanner.js'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: {
      registry: Registry
      sseConnections: Gauge
      /** For the attachment scanner: one call per scanned file ('clean', 'infected', 'error'). */
      scanResult(result: ScanResult): void
      /** For the outbox worker: one call per failed delivery attempt (retried or given up). */
      deliveryFailed(channel: 'mail' | 'webhook'): void
    }
  }
}

const AGE_BUCKETS: Array<[label: string, maxSeconds: number]> = [
  ['1h', 3600],
  ['4h', 4 * 3600],
  ['1d', 86_400],
  ['3d', 3 * 86_400],
  ['7d', 7 * 86_400],
  ['+Inf', Number.POSITIVE_INFINITY]
]
const OPEN_CASES_EVERY_MS = 60_000

/**
 * Prometheus metrics at GET /metrics, only with `Authorization: Bearer METRICS_TOKEN` (without the
 * token set, or with a wrong one, the route answers 404 like any unknown path). One registry per
 * app instance. Database-derived gauges are bounded: the outbox pending set is small by design,
 * and open cases by age are counted at most once a minute over one cursor of creation dates.
 */
export default fp(
  async function metricsPlugin(fastify) {
    const registry = new Registry()
    collectDefaultMetrics({ register: registry })
    const { models } = fastify

    const requests = new Counter({
      name: 'ze_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status_code'],
      registers: [registry]
    })
    const duration = new Histogram({
      name: 'ze_http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry]
    })
    const rateLimited = new Counter({
      name: 'ze_rate_limit_rejections_total',
      help: 'Requests refused with 429 RATE_LIMITED',
      labelNames: ['route'],
      registers: [registry]
    })
    const uploadBytes = new Counter({
      name: 'ze_upload_bytes_total',
      help: 'Bytes of multipart request bodies (attachments and their fields)',
      registers: [registry]
    })
    const dbCommands = new Histogram({
      name: 'ze_db_command_duration_seconds',
      help: 'Database command latency as seen by the driver',
      labelNames: ['command', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry]
    })
    const scans = new Counter({ name: 'ze_attachment_scans_total', help: 'Attachment virus scans by result', labelNames: ['result'], registers: [registry] })
    const deliveryFailures = new Counter({
      name: 'ze_outbox_delivery_failures_total',
      help: 'Failed delivery attempts of notifications by channel (webhook failures are channel="webhook"); each retry that fails counts',
      labelNames: ['channel'],
      registers: [registry]
    })
    const sseConnections = new Gauge({ name: 'ze_sse_connections', help: 'Open server-sent event streams on this instance', registers: [registry] })

    new Gauge({
      name: 'ze_outbox_pending',
      help: 'Notifications waiting to be delivered',
      labelNames: ['channel'],
      registers: [registry],
      async collect() {
        this.reset()
        if (fastify.db.readyState !== 1) return
        for (const channel of ['mail', 'webhook']) this.set({ channel }, await models.Outbox.countDocuments({ state: 'pending', channel }))
      }
    })
    new Gauge({
      name: 'ze_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest notification still pending (0 when none)',
      registers: [registry],
      async collect() {
        if (fastify.db.readyState !== 1) return
        let oldest = Date.now()
        for await (const item of models.Outbox.find({ state: 'pending' }, { createdAt: 1 }).lean().cursor())
          oldest = Math.min(oldest, (item.createdAt as Date).getTime())
        this.set((Date.now() - oldest) / 1000)
      }
    })
    new Gauge({
      name: 'ze_outbox_failed',
      help: 'Notifications given up after every retry (webhook failures are channel="webhook")',
      labelNames: ['channel'],
      registers: [registry],
      async collect() {
        this.reset()
        if (fastify.db.readyState !== 1) return
        for (const channel of ['mail', 'webhook']) this.set({ channel }, await models.Outbox.countDocuments({ state: 'failed', channel }))
      }
    })
    let openCases: { at: number; counts: Map<string, number> } | null = null
    new Gauge({
      name: 'ze_open_cases',
      help: 'Cases waiting for an expert, by age since creation (cumulative buckets, le in seconds as a label)',
      labelNames: ['age_le'],
      registers: [registry],
      async collect() {
        if (fastify.db.readyState !== 1) return
        if (!openCases || Date.now() - openCases.at > OPEN_CASES_EVERY_MS) {
          const counts = new Map(AGE_BUCKETS.map(([label]) => [label, 0]))
          const now = Date.now()
          for await (const c of models.Case.find({ status: 'open' }, { createdAt: 1 }).lean().cursor()) {
            const age = (now - (c.createdAt as Date).getTime()) / 1000
            for (const [label, max] of AGE_BUCKETS) if (age <= max) counts.set(label, counts.get(label)! + 1)
          }
          openCases = { at: now, counts }
        }
        for (const [label, count] of openCases.counts) this.set({ age_le: label }, count)
      }
    })

    let monitored = false
    const monitor = () => {
      const client = fastify.db.getClient?.()
      if (!client || monitored) return
      monitored = true
      client.on('commandSucceeded', (e) => dbCommands.observe({ command: e.commandName, outcome: 'ok' }, e.duration / 1000))
      client.on('commandFailed', (e) => dbCommands.observe({ command: e.commandName, outcome: 'error' }, e.duration / 1000))
    }
    monitor()
    fastify.db.on('connected', monitor)

    // Zero series from the start, so a dashboard sees 0 rather than no data before the first event.
    for (const result of ['clean', 'infected', 'error'] as const) scans.inc({ result }, 0)
    for (const channel of ['mail', 'webhook'] as const) deliveryFailures.inc({ channel }, 0)
    fastify.decorate('metrics', {
      registry,
      sseConnections,
      scanResult: (result: ScanResult) => scans.inc({ result }),
      deliveryFailed: (channel: 'mail' | 'webhook') => deliveryFailures.inc({ channel })
    })

    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched'
      if (route === '/metrics') return
      const labels = { method: request.method, route, status_code: String(reply.statusCode) }
      requests.inc(labels)
      duration.observe(labels, reply.elapsedTime / 1000)
      if (reply.statusCode === 429) rateLimited.inc({ route })
      const length = Number(request.headers['content-length'])
      if (String(request.headers['content-type']).startsWith('multipart/') && Number.isFinite(length)) uploadBytes.inc(length)
    })

    const token = fastify.config.metricsToken ? Buffer.from(`Bearer ${fastify.config.metricsToken}`) : null
    fastify.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const given = Buffer.from(request.headers.authorization ?? '')
      if (!token || given.length !== token.length || !timingSafeEqual(given, token)) throw new AppError('ROUTE_NOT_FOUND')
      return reply.type(registry.contentType).send(await registry.metrics())
    })
  },
  { name: 'metrics', dependencies: ['mongoose', 'config'] }
)
