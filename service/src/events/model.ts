import { Schema, type Connection } from 'mongoose'

/** Events per bucket: a follower reads whole buckets by equality, the one query FerretDB pushes down. */
export const EVENT_BUCKET_SIZE = 64

export const bucketOf = (seq: number): number => Math.floor(seq / EVENT_BUCKET_SIZE)

/**
 * One entry of the event feed shared by all service instances. `_id` is a gap-free-ish
 * sequence number (the SSE event id); `b` is its bucket. The tenant (appId, officeId) is
 * copied so fan-out never needs another read. `data` holds ids and public fields only —
 * never a message body — so an event can be sent to anyone allowed to see its tenant.
 */
const eventSchema = new Schema(
  {
    _id: { type: Number, required: true },
    b: { type: Number, required: true },
    at: { type: Date, required: true },
    type: { type: String, enum: ['case.created', 'case.updated', 'message.created', 'presence'], required: true },
    appId: { type: String, required: true },
    officeId: { type: String, required: true },
    caseId: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true }
  },
  { versionKey: false, minimize: false }
)

eventSchema.index({ b: 1 })
// Expiry is a periodic delete (FerretDB 1.24 refuses TTL indexes); this keeps it indexed on MongoDB.
eventSchema.index({ at: 1 })

export const eventModel = (connection: Connection) => connection.model('Event', eventSchema, 'events')
