import type { Models } from '../models/index.js'
import { LRUCache } from 'lru-cache'
import { isDuplicateKey } from './duplicate-key.js'

/** Keys whose next free slot an instance remembers. */
const GUESSED_KEYS = 10_000

export interface WindowCount {
  /** Slots held in the window, this request's included; max + 1 when refused. */
  current: number
  /** Milliseconds until this request's slot (or, when refused, the next slot) frees up. */
  ttl: number
}

/**
 * At most `max` requests per key in any `windowMs`: each allowed request holds one of `max`
 * slot documents for `windowMs`. Why slots and not one `$inc` counter: FerretDB 1.24 does
 * not serialise concurrent `$inc` (20 concurrent increments left a counter at 7), while an
 * insert with a unique `_id` is atomic on FerretDB and MongoDB alike. So whatever the
 * interleaving of instances, no more than `max` slots are held, and deleting only expired
 * slots can never free one that is still held. Usually a single insert (the slot after the
 * key's last one), else one read and one insert.
 */
export function createRateLimitsRepository(models: Models) {
  const { RateLimit } = models
  // A cache, not state: which slot a key most likely has free, learnt from this instance's last
  // hit. A person's next request then takes one insert; a wrong guess costs a read, as before.
  const nextSlot = new LRUCache<string, number>({ max: GUESSED_KEYS })

  async function take(key: string, n: number, expiresAt: Date): Promise<boolean> {
    try {
      await RateLimit.create({ _id: `${key}#${n}`, key, expiresAt })
      nextSlot.set(key, n + 1)
      return true
    } catch (err) {
      // Held: by another request, or by an expired slot not yet deleted.
      if (!isDuplicateKey(err)) throw err
      return false
    }
  }

  async function hit(key: string, windowMs: number, max: number): Promise<WindowCount> {
    const guess = nextSlot.get(key) ?? 1
    // `current` counts the slots up to this one as held, which may overstate it (some may have expired).
    if (guess <= max && (await take(key, guess, new Date(Date.now() + windowMs)))) return { current: guess, ttl: windowMs }
    const now = new Date()
    const slots = await RateLimit.find({ key }, { expiresAt: 1 }).lean()
    const held = slots.filter((d) => d.expiresAt > now)
    // Expired slots are deleted only when there are some: usually one read and one insert.
    if (held.length < slots.length) await RateLimit.deleteMany({ key, expiresAt: { $lte: now } })
    const taken = new Set(held.map((d) => d._id))
    const expiresAt = new Date(now.getTime() + windowMs)
    for (let n = 1; n <= max; n++) {
      // A slot taken meanwhile by another request: try the next one.
      if (!taken.has(`${key}#${n}`) && (await take(key, n, expiresAt))) return { current: held.length + 1, ttl: windowMs }
    }
    const soonest = Math.min(...held.map((d) => d.expiresAt.getTime()), expiresAt.getTime())
    return { current: max + 1, ttl: Math.max(1, soonest - now.getTime()) }
  }

  return {
    hit,

    async peek(key: string): Promise<WindowCount> {
      const now = Date.now()
      const held = await RateLimit.find({ key, expiresAt: { $gt: new Date(now) } }, { expiresAt: 1 }).lean()
      const soonest = held.length ? Math.min(...held.map((d) => d.expiresAt.getTime())) - now : 0
      return { current: held.length, ttl: soonest }
    },

    /** Drops every expired slot (FerretDB has no TTL indexes). */
    async deleteExpired(): Promise<number> {
      const res = await RateLimit.deleteMany({ expiresAt: { $lte: new Date() } })
      return res.deletedCount
    }
  }
}

export type RateLimitsRepository = ReturnType<typeof createRateLimitsRepository>
