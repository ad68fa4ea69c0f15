import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/** An expert who answers cases through /admin/v1; authenticates with an API key stored as a hash. */
const expertSchema = new Schema(
  {
    name: { type: String, required: true },
    email: { type: String, required: true },
    admin: { type: Boolean, default: false },
    keyHash: { type: String, required: true, unique: true },
    // The first characters of the key, so an operator can tell keys apart without the secret.
    keyPrefix: { type: String, required: true },
    revokedAt: { type: Date, default: null },
    // Which new cases this expert is e-mailed about: every one, only those still unassigned
    // after the notification delay, one daily digest, or none. Replies by the chief in cases
    // assigned to the expert are always mailed (unless the address unsubscribed).
    notifyNewCases: { type: String, enum: ['all', 'unassigned', 'digest', 'none'], required: true, default: 'unassigned' }
  },
  { timestamps: true, versionKey: false }
)

export type ExpertDoc = InferSchemaType<typeof expertSchema>

export const expertModel = (connection: Connection) => connection.model('Expert', expertSchema, 'experts')
