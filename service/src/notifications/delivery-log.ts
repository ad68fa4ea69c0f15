import type { Delivery } from '@ze/contract'
import type { OutboxItem } from './outbox.js'

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null)

/** An outbox item as the admins' delivery log shows it: no addresses, no payloads. */
export function toDelivery(item: OutboxItem): Delivery {
  return {
    id: item._id,
    channel: item.channel as Delivery['channel'],
    type: item.type,
    state: item.state as Delivery['state'],
    attempts: item.attempts,
    lastError: item.lastError ?? null,
    lastStatus: item.lastStatus ?? null,
    createdAt: item.createdAt.toISOString(),
    lastAttemptAt: iso(item.lastAttemptAt),
    nextAttemptAt: item.state === 'pending' ? iso(item.dueAt) : null,
    sentAt: iso(item.sentAt)
  }
}
