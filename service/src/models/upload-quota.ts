import { Schema, type Connection } from 'mongoose'

/**
 * Bytes one upload request has stored in an office's quota period. One document per
 * request, written only by that request, summed per `key` (app, office, period) to know the
 * office's use. Why not one `$inc` counter per office: FerretDB 1.24 loses concurrent `$inc`
 * updates (see rate-limit.ts), while every instance writing only its own document and then
 * reading the sum is safe on FerretDB and MongoDB alike. FerretDB has no TTL indexes: the
 * uploads plugin deletes expired documents on a timer.
 */
const uploadQuotaSchema = new Schema(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    bytes: { type: Number, required: true },
    expiresAt: { type: Date, required: true }
  },
  { versionKey: false }
)

uploadQuotaSchema.index({ key: 1 })
uploadQuotaSchema.index({ expiresAt: 1 })

export const uploadQuotaModel = (connection: Connection) => connection.model('UploadQuota', uploadQuotaSchema, 'upload_quota')
