import { randomBytes } from 'node:crypto'
import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/** 128 random bits; the prefix tells a reader it is a handle, not an id they could look up. */
export const newExpertHandle = (): string => `exp_${randomBytes(16).toString('base64url')}`

/** An expert who answers cases through /admin/v1; authenticates with an API key stored as a hash. */
const expertSchema = new Schema(
  {
    name: { type: String, required: true },
    email: { type: String, required: true },
    admin: { type: Boolean, default: false },
    keyHash: { type: String, required: true, unique: true },
    // The first characters of the key, so an operator can tell keys apart without the secret.
    keyPrefix: { type: String, required: true },
    // What office chiefs see as the author id of this expert's messages (issue 16, 7e): random,
    // so it tells nothing about the database and cannot be guessed. Experts created before it
    // existed get one on first use (repositories/expert-handles.ts).
    handle: { type: String, default: newExpertHandle },
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
