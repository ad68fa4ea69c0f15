import { Schema, type Connection } from 'mongoose'

/**
 * Rate-limit slots shared by every service instance: `_id` = `<key>#<n>` for n = 1..max, each
 * held until `expiresAt`. A unique `_id` is the one thing both MongoDB and FerretDB enforce
 * atomically under concurrency (FerretDB 1.24 loses concurrent `$inc` updates), so no more
 * than `max` requests can hold a slot at once. FerretDB has no TTL indexes: expired slots
 * are deleted when their key is used and by the rate-limit plugin on a timer.
 */
const rateLimitSchema = new Schema(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    expiresAt: { type: Date, required: true }
  },
  { versionKey: false }
)

rateLimitSchema.index({ key: 1, expiresAt: 1 })
rateLimitSchema.index({ expiresAt: 1 })

export const rateLimitModel = (connection: Connection) => connection.model('RateLimit', rateLimitSchema, 'rate_limits')
