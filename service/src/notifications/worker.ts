import type { FastifyBaseLogger } from 'fastify'
import type { Span } from '@opentelemetry/api'
import { Types } from 'mongoose'
import type { Models } from '../models/index.js'
import type { AppsRepository } from '../repositories/apps.js'
import type { Lease } from './lease.js'
import type { Mailer } from './mailer.js'
import type { Outbox, OutboxItem, Guard } from './outbox.js'
import type { Recipients } from './recipients.js'
import { renderMail, isTemplateName, type Locale, type MailTemplates } from './templates.js'
import { deliverWebhook, WebhookDeliveryError } from './webhook-sender.js'
import { markFailed, withClientSpan } from '../telemetry/spans.js'

const BATCH = 20
const DIGEST_MAX = 50
const PRUNE_EVERY_MS = 600_000

export interface WorkerDeps {
  models: Models
  outbox: Outbox
  lease: Lease
  mailer: Mailer | null
  apps: AppsRepository
  recipients: Recipients
  log: FastifyBaseLogger
  publicUrl: string
  pollMs: number
  inFlightMs: number
  webhookTimeoutMs: number
  /** Called once per failed delivery attempt (metrics). */
  onFailure?: (channel: 'mail' | 'webhook') => void
}

/**
 * Delivers the outbox. Every instance may run one; the lease makes one of them the sender at
 * a time. Each item is started with `outbox.begin` (a counted attempt that hides it from
 * others for the in-flight window), then sent, then marked sent — or failed with backoff.
 * A crash between sending and marking repeats that one item later (at-least-once); an SMTP
 * or receiver outage only postpones items, it never drops or repeats a delivered one.
 */
export function createWorker(deps: WorkerDeps) {
  const { models, outbox, lease, log } = deps
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  let lastPrune = 0

  async function guardHolds(guard: Guard): Promise<boolean> {
    const _id = new Types.ObjectId(guard.caseId)
    if (guard.kind === 'case-unread') return (await models.Case.exists({ _id, chiefUnread: true })) !== null
    return (await models.Case.exists({ _id, assigneeId: null })) !== null
  }

  async function digest(day: string): Promise<MailTemplates['expert-digest'] | null> {
    const from = new Date(`${day}T00:00:00Z`)
    const to = new Date(from.getTime() + 86_400_000)
    const cases = await models.Case.find({ createdAt: { $gte: from, $lt: to } }, { number: 1, subject: 1, officeName: 1 })
      .sort({ createdAt: 1 })
      .limit(DIGEST_MAX + 1)
      .lean()
    if (cases.length === 0) return null
    const total = await models.Case.countDocuments({ createdAt: { $gte: from, $lt: to } })
    const shown = cases.slice(0, DIGEST_MAX).map((c) => ({ number: c.number, subject: c.subject, officeName: c.officeName }))
    return { date: day, cases: shown, more: total - shown.length, queueUrl: `${deps.publicUrl}/console/` }
  }

  async function sendMail(item: OutboxItem): Promise<'sent' | string> {
    const mail = item.mail!
    if (!deps.mailer) return 'SMTP_URL is not set on the sending instance'
    if (!isTemplateName(item.type)) return `unknown template ${item.type}`
    let unsubscribeUrl: string | null = null
    if (mail.audience) {
      const token = await deps.recipients.tokenFor(mail.audience, mail.to)
      if (!token) return 'unsubscribed'
      unsubscribeUrl = `${deps.publicUrl}/unsubscribe?token=${token}`
    }
    let data = mail.data as MailTemplates[typeof item.type]
    if (item.type === 'expert-digest') {
      const built = await digest((mail.data as { date: string }).date)
      if (!built) return 'no new cases that day'
      data = built
    }
    const rendered = renderMail(item.type, mail.locale as Locale, data, unsubscribeUrl)
    await deps.mailer.send({ ...rendered, to: mail.to, id: item._id, unsubscribeUrl })
    return 'sent'
  }

  const deliver = (item: OutboxItem): Promise<void> =>
    withClientSpan(`outbox ${item.channel}`, { 'ze.outbox.id': String(item._id), 'ze.outbox.type': item.type }, (span) => attempt(item, span))

  async function attempt(item: OutboxItem, span: Span): Promise<void> {
    const started = await outbox.begin(item)
    if (!started) return
    try {
      if (started.guard && !(await guardHolds(started.guard as Guard))) return await outbox.cancel(started._id, 'no longer applies')
      if (started.channel === 'mail') {
        const outcome = await sendMail(started)
        if (outcome === 'sent') await outbox.succeed(started._id)
        else await outbox.cancel(started._id, outcome)
        return
      }
      const app = started.appId ? await deps.apps.findById(started.appId) : null
      if (!app?.webhookUrl || !app.webhookSecret) return await outbox.cancel(started._id, 'the app has no webhook endpoint any more')
      const status = await deliverWebhook({ url: app.webhookUrl, secret: app.webhookSecret }, started._id, started.webhook!.payload, deps.webhookTimeoutMs)
      await outbox.succeed(started._id, status)
    } catch (err) {
      const status = err instanceof WebhookDeliveryError ? err.status : null
      markFailed(span, err)
      deps.onFailure?.(started.channel)
      const outcome = await outbox.fail(started, (err as Error).message, status)
      log.warn({ id: started._id, attempts: started.attempts, outcome, err: (err as Error).message }, 'outbox delivery failed')
    }
  }

  async function tick(): Promise<void> {
    if (models.Outbox.db.readyState !== 1) return
    if (!(await lease.acquire())) return
    for (const item of await outbox.due(BATCH)) {
      // Stop before the lease could run out mid-send; the next holder picks up the rest.
      if (stopped || !lease.holds(deps.inFlightMs / 2)) break
      await deliver(item)
    }
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now()
      await outbox.prune()
    }
  }

  const schedule = (delay: number): void => {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick()
        .catch((err: unknown) => log.debug({ err: (err as Error).message }, 'outbox round failed; retrying'))
        .finally(() => {
          running = null
          schedule(deps.pollMs)
        })
    }, delay)
    timer.unref()
  }

  return {
    start(): void {
      stopped = false
      schedule(0)
    },
    async stop(): Promise<void> {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
      await lease.release().catch(() => {})
    }
  }
}
