import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import fp from 'fastify-plugin'
import { createLease } from './lease.js'
import { createMailer } from './mailer.js'
import { createWorker } from './worker.js'

/**
 * Runs the outbox worker on this instance (unless OUTBOX_WORKER=false). Every instance may
 * run it; the `outbox` lease lets one deliver at a time. Started when the app is ready and
 * stopped (lease released) when it closes.
 */
export default fp(
  async function outboxWorkerPlugin(fastify) {
    const { config } = fastify
    if (!config.outboxWorker) return
    const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
    const mailDomain = new URL(config.publicUrl).hostname || 'localhost'
    const mailer = config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom, mailDomain) : null
    const worker = createWorker({
      models: fastify.models,
      outbox: fastify.notifications.outbox,
      lease: createLease(fastify.models, 'outbox', owner, config.outboxLeaseMs),
      mailer,
      apps: fastify.apps,
      recipients: fastify.notifications.recipients,
      log: fastify.log.child({ component: 'outbox' }),
      publicUrl: config.publicUrl,
      pollMs: config.outboxPollMs,
      inFlightMs: config.outboxLeaseMs,
      webhookTimeoutMs: config.webhookTimeoutMs,
      onFailure: fastify.metrics.deliveryFailed
    })
    fastify.addHook('onReady', async () => worker.start())
    // preClose: the database is still open, so the round in progress finishes and the lease is released.
    fastify.addHook('preClose', async () => {
      await worker.stop()
      mailer?.close()
    })
  },
  { name: 'outbox-worker', dependencies: ['repositories', 'metrics'] }
)
