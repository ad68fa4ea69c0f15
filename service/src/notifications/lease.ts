import type { Models } from '../models/index.js'

const isDuplicateKey = (err: unknown): boolean => (err as { code?: number }).code === 11000

export interface Lease {
  /** Claims the lease when it is free or expired, or renews it when held; true while this owner holds it. */
  acquire(): Promise<boolean>
  /** True when the lease is held and will not expire within `marginMs` by the local clock. */
  holds(marginMs?: number): boolean
  release(): Promise<void>
}

/**
 * A named lease shared by every service instance, so exactly one of them delivers the outbox.
 *
 * Taking over is decided by inserting `<name>#<generation + 1>` into `lease_claims`: a unique
 * `_id` is enforced atomically by MongoDB and FerretDB alike, so two instances that both saw
 * the lease expire cannot both win. The winner then moves the lease document with
 * findOneAndUpdate on equality with the generation it saw (FerretDB runs that as
 * read-then-write, hence the fence). The holder renews well before `expiresAt`; it stops
 * sending when it cannot renew, so a new holder starts only after the old one's lease ended.
 */
export function createLease(models: Models, name: string, owner: string, ttlMs: number): Lease {
  let held: { generation: number; expiresAt: number } | null = null

  async function fence(generation: number): Promise<boolean> {
    try {
      await models.LeaseClaim.create({ _id: `${name}#${generation}`, owner, at: new Date() })
      return true
    } catch (err) {
      if (isDuplicateKey(err)) return false
      throw err
    }
  }

  async function claim(seenGeneration: number): Promise<boolean> {
    const generation = seenGeneration + 1
    if (!(await fence(generation))) return false
    const expiresAt = Date.now() + ttlMs
    if (seenGeneration === 0) {
      await models.Lease.updateOne({ _id: name }, { $set: { owner, generation, expiresAt: new Date(expiresAt) } }, { upsert: true })
    } else {
      const moved = await models.Lease.findOneAndUpdate(
        { _id: name, generation: seenGeneration },
        { $set: { owner, generation, expiresAt: new Date(expiresAt) } },
        { new: true }
      ).lean()
      if (!moved) return false
    }
    held = { generation, expiresAt }
    // Old claims are only needed while a generation can still be contested.
    void models.LeaseClaim.deleteMany({ _id: `${name}#${seenGeneration - 10}` }).catch(() => {})
    return true
  }

  return {
    async acquire() {
      const now = Date.now()
      if (held) {
        const expiresAt = now + ttlMs
        const renewed = await models.Lease.updateOne({ _id: name, owner, generation: held.generation }, { $set: { expiresAt: new Date(expiresAt) } })
        if (renewed.matchedCount === 1) {
          held = { generation: held.generation, expiresAt }
          return true
        }
        held = null
      }
      const current = await models.Lease.findById(name).lean()
      if (current && current.expiresAt.getTime() > now) return false
      return claim(current?.generation ?? 0)
    },

    holds(marginMs = 0) {
      return held !== null && held.expiresAt - marginMs > Date.now()
    },

    async release() {
      if (!held) return
      const generation = held.generation
      held = null
      await models.Lease.updateOne({ _id: name, owner, generation }, { $set: { expiresAt: new Date(0) } })
    }
  }
}
