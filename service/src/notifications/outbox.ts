import type { Models } from '../models/index.js'
import type { OutboxDoc } from './models.js'
import { isDuplicateKey } from '../repositories/duplicate-key.js'

export type OutboxItem = OutboxDoc
export type Guard = { kind: 'case-unread' | 'case-unassigned'; caseId: string }

export interface NewOutboxItem {
  id: string
  channel: 'mail' | 'webhook'
  type: string
  dueAt?: Date
  appId?: string | null
  cancelKey?: string | null
  guard?: Guard | null
  mail?: { to: string; locale: 'pl' | 'en'; audience: string | null; data: Record<string, unknown> }
  webhook?: { payload: Record<string, unknown> }
}

export interface RetryPolicy {
  baseMs: number
  maxBackoffMs: number
  giveUpMs: number
  /** How long a started attempt keeps the item out of other workers' hands. */
  inFlightMs: number
}

/** Exponential backoff: base, 2·base, 4·base, … capped at maxBackoffMs. */
export const backoffMs = (policy: RetryPolicy, attempts: number): number => Math.min(policy.maxBackoffMs, policy.baseMs * 2 ** Math.max(0, attempts - 1))

const RETENTION_MS = 7 * 86_400_000

export function createOutbox(models: Models, policy: RetryPolicy) {
  return {
    /** Writes a notification once: a second write with the same id is a no-op (idempotent producers). */
    async enqueue(item: NewOutboxItem): Promise<boolean> {
      try {
        await models.Outbox.create({
          _id: item.id,
          channel: item.channel,
          type: item.type,
          state: 'pending',
          dueAt: item.dueAt ?? new Date(),
          appId: item.appId ?? null,
          cancelKey: item.cancelKey ?? null,
          guard: item.guard ?? null,
          mail: item.mail ?? null,
          webhook: item.webhook ?? null
        })
        return true
      } catch (err) {
        if (isDuplicateKey(err)) return false
        throw err
      }
    },

    /** Pending items that are due, oldest first. Bounded by the pending set (see the model). */
    async due(limit: number): Promise<OutboxItem[]> {
      return models.Outbox.find({ state: 'pending', dueAt: { $lte: new Date() } })
        .sort({ dueAt: 1 })
        .limit(limit)
        .lean<OutboxItem[]>()
    },

    /**
     * Starts an attempt: counts it and pushes `dueAt` past the in-flight window, on equality
     * with the attempt count seen, so an item is attempted by one worker at a time even if a
     * stale lease holder is still finishing its round.
     */
    async begin(item: OutboxItem): Promise<OutboxItem | null> {
      const now = new Date()
      return models.Outbox.findOneAndUpdate(
        { _id: item._id, state: 'pending', attempts: item.attempts },
        { $set: { attempts: item.attempts + 1, lastAttemptAt: now, dueAt: new Date(now.getTime() + policy.inFlightMs) } },
        { new: true }
      ).lean<OutboxItem>()
    },

    async succeed(id: string, status: number | null = null): Promise<void> {
      await models.Outbox.updateOne({ _id: id }, { $set: { state: 'sent', sentAt: new Date(), lastError: null, lastStatus: status } })
    },

    /** A failed attempt: retried after the backoff, or given up once the item is older than giveUpMs. */
    async fail(item: OutboxItem, error: string, status: number | null = null): Promise<'retry' | 'failed'> {
      const now = Date.now()
      const givingUp = now - item.createdAt.getTime() >= policy.giveUpMs
      await models.Outbox.updateOne(
        { _id: item._id },
        {
          $set: {
            state: givingUp ? 'failed' : 'pending',
            dueAt: new Date(now + backoffMs(policy, item.attempts)),
            lastError: error.slice(0, 500),
            lastStatus: status
          }
        }
      )
      return givingUp ? 'failed' : 'retry'
    },

    async cancel(id: string, reason: string): Promise<void> {
      await models.Outbox.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'cancelled', lastError: reason } })
    },

    /** Cancels every pending item with one of these keys (e.g. the chief read the case). */
    async cancelByKeys(keys: string[], reason: string): Promise<void> {
      if (keys.length === 0) return
      await models.Outbox.updateMany({ state: 'pending', cancelKey: { $in: keys } }, { $set: { state: 'cancelled', lastError: reason } })
    },

    /** Forgets finished items after the retention period (the delivery log shows a week). */
    async prune(): Promise<void> {
      const before = new Date(Date.now() - RETENTION_MS)
      for (const state of ['sent', 'cancelled', 'failed']) await models.Outbox.deleteMany({ state, updatedAt: { $lt: before } })
    },

    /** The delivery log of one app (newest first): webhook deliveries, or mail to its chiefs. */
    async log(appId: string, channel: 'mail' | 'webhook', limit: number): Promise<OutboxItem[]> {
      return models.Outbox.find({ appId, channel }).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<OutboxItem[]>()
    },

    async get(id: string): Promise<OutboxItem | null> {
      return models.Outbox.findById(id).lean<OutboxItem>()
    }
  }
}

export type Outbox = ReturnType<typeof createOutbox>
