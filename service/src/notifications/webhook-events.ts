import { randomBytes } from 'node:crypto'
import type { StoredCase } from '../models/case.js'

export const WEBHOOK_EVENT_TYPES = ['case.created', 'case.replied', 'case.resolved', 'case.read'] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/**
 * What a webhook says about a case: ids and fields the chief can see anyway, never message
 * bodies, names, e-mail addresses or anything about internal notes. The host app fetches
 * details through its own channels if it needs them.
 */
export function caseRef(c: Pick<StoredCase, '_id' | 'appId' | 'officeId' | 'number' | 'status'>) {
  return { id: String(c._id), number: c.number, status: c.status, officeId: c.officeId }
}

/** The Standard Webhooks payload envelope: `{ type, timestamp, data }`. */
export function webhookEvent(type: WebhookEventType, data: Record<string, unknown>) {
  return { type, timestamp: new Date().toISOString(), data }
}

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`
