import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.js'
import type { Models } from '../models/index.js'
import type { AppsRepository } from '../repositories/apps.js'
import { createNotifier } from './notifier.js'
import { createOutbox, type RetryPolicy } from './outbox.js'
import { createRecipients } from './recipients.js'

export type { CaseEvents, MailRequest } from './notifier.js'

export const retryPolicy = (config: Config): RetryPolicy => ({
  baseMs: config.outboxRetryBaseMs,
  maxBackoffMs: config.outboxMaxBackoffMs,
  giveUpMs: config.outboxGiveUpMs,
  inFlightMs: config.outboxLeaseMs
})

/**
 * The notifications of one service instance: `enqueueMail` (e.g. the console's sign-in link),
 * `events` (called by the case write paths), the outbox, and the unsubscribe records.
 */
export function createNotifications(deps: { models: Models; apps: AppsRepository; config: Config; log: FastifyBaseLogger }) {
  const outbox = createOutbox(deps.models, retryPolicy(deps.config))
  const recipients = createRecipients(deps.models)
  const { enqueueMail, events } = createNotifier({ ...deps, outbox })
  return { enqueueMail, events, outbox, recipients }
}

export type Notifications = ReturnType<typeof createNotifications>
