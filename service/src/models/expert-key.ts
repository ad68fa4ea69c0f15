import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/**
 * An expert's API key for scripts and integrations. Only the SHA-256 of the key is kept; the
 * prefix lets a person tell keys apart without the secret. A revoked key stays listed (who made
 * it, what for, when it was last used) and is refused like one that never existed.
 * Keys lived on the expert document until migration 0005 moved them here.
 */
const expertKeySchema = new Schema(
  {
    expertId: { type: Schema.Types.ObjectId, required: true },
    keyHash: { type: String, required: true, unique: true },
    keyPrefix: { type: String, required: true },
    note: { type: String, default: '' },
    // Written at most once a minute per key (repositories/experts.ts), so a busy script does not write on every call.
    lastUsedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null }
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false }
)
expertKeySchema.index({ expertId: 1 })

export type ExpertKeyDoc = InferSchemaType<typeof expertKeySchema>

export const expertKeyModel = (connection: Connection) => connection.model('ExpertKey', expertKeySchema, 'expert_keys')
