import { randomBytes } from 'node:crypto'
import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/** 128 random bits; the prefix tells a reader it is a handle, not an id they could look up. */
export const newExpertHandle = (): string => `exp_${randomBytes(16).toString('base64url')}`

/**
 * An expert who answers cases through /admin/v1. They sign in to the console by e-mailed link
 * and automate with API keys (models/expert-key.ts; several per expert, stored as hashes).
 * `revokedAt` set = deactivated: every session and key of theirs is refused on the next request.
 */
const expertSchema = new Schema(
  {
    name: { type: String, required: true },
    email: { type: String, required: true },
    admin: { type: Boolean, default: false },
    // What office chiefs see as the author id of this expert's messages (issue 16, 7e): random,
    // so it tells nothing about the database and cannot be guessed. Experts created before it
    // existed get one on first use (repositories/expert-handles.ts).
    handle: { type: String, default: newExpertHandle },
    revokedAt: { type: Date, default: null },
    // Which new cases this expert is e-mailed about: every one, only those still unassigned
    // after the notification delay, one daily digest, or none. Replies by the chief in cases
    // assigned to the expert are always mailed (unless the address unsubscribed).
    notifyNewCases: { type: String, enum: ['all', 'unassigned', 'digest', 'none'], required: true, default: 'unassigned' },
    // The console's language and that of the e-mails this expert gets.
    locale: { type: String, enum: ['pl', 'en'], default: 'pl' }
  },
  { timestamps: true, versionKey: false }
)

export type ExpertDoc = InferSchemaType<typeof expertSchema>

export const expertModel = (connection: Connection) => connection.model('Expert', expertSchema, 'experts')
