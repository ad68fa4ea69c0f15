import { Schema, type Connection } from 'mongoose'

/**
 * A signed-in console session. `_id` is the SHA-256 of the cookie value, so a database
 * dump holds nothing that signs anyone in. Deleting the record revokes the session.
 * FerretDB has no TTL indexes: expired records are deleted when met and on a timer.
 */
const expertSessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    expertId: { type: Schema.Types.ObjectId, required: true },
    lastSeenAt: { type: Date, required: true },
    // Absolute end, however active the session is.
    expiresAt: { type: Date, required: true },
    userAgent: { type: String, default: null }
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false }
)
expertSessionSchema.index({ expertId: 1 })
expertSessionSchema.index({ expiresAt: 1 })

/** A single-use sign-in link; `_id` is the SHA-256 of the token in the link. */
const signInLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    expertId: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true }
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false }
)
signInLinkSchema.index({ expiresAt: 1 })

export const expertSessionModel = (connection: Connection) => connection.model('ExpertSession', expertSessionSchema, 'expert_sessions')
export const signInLinkModel = (connection: Connection) => connection.model('SignInLink', signInLinkSchema, 'sign_in_links')
