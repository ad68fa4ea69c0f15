import type { FastifyInstance } from 'fastify'
import type { Config } from '../../src/config.js'
import { startMailpit, type RunningMailpit } from '@ze/testkit/mailpit'
import { buildTestApp } from './app.js'
import { eventually } from './eventually.js'

/** Outbox settings that make a test fast: frequent polls, short backoff, a 1 s reply delay. */
export const fastOutbox: Partial<Config> = {
  outboxPollMs: 100,
  outboxRetryBaseMs: 200,
  outboxMaxBackoffMs: 1000,
  outboxLeaseMs: 3000,
  notifyDelaySeconds: 1,
  publicUrl: 'http://service.test'
}

/** A real Mailpit on free ports and the real app sending to it. */
export async function appWithMailpit(overrides: Partial<Config> = {}): Promise<{ app: FastifyInstance; mailpit: RunningMailpit }> {
  const mailpit = await startMailpit()
  const app = await buildTestApp({ ...fastOutbox, smtpUrl: mailpit.smtpUrl, ...overrides })
  return { app, mailpit }
}

/** Waits until the outbox item reaches one of the states and returns it. */
export function outboxState(app: FastifyInstance, id: string, states: string[], timeoutMs = 15_000) {
  return eventually(
    async () => {
      const item = await app.notifications.outbox.get(id)
      return item && states.includes(item.state) ? item : undefined
    },
    timeoutMs,
    `outbox item ${id} in ${states.join('/')}`
  )
}

/** Waits for a message to this address whose subject contains `subject`. */
export function mailTo(mailpit: RunningMailpit, address: string, subject = '', timeoutMs = 15_000) {
  return eventually(
    async () => (await mailpit.messages()).find((m) => m.To.some((t) => t.Address === address) && m.Subject.includes(subject)),
    timeoutMs,
    `mail to ${address}`
  )
}
