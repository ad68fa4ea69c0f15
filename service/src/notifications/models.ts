import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/**
 * One notification to deliver: an e-mail or a webhook call. `_id` is the idempotency key
 * (e.g. `mail:chief-reply:<messageId>`, `webhook:<appId>:<eventId>`), so writing the same
 * notification twice stores it once, and it is the Message-ID / `webhook-id` receivers see.
 *
 * FerretDB 1.24 pushes down only equality on top-level scalars, so the worker's query is
 * `{ state: 'pending' }` (+ limit): the pending set stays small because delivered items
 * leave it. `dueAt` is checked on the few pending items, never scanned over the history.
 */
const outboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    channel: { type: String, enum: ['mail', 'webhook'], required: true },
    state: { type: String, enum: ['pending', 'sent', 'cancelled', 'failed'], required: true, default: 'pending' },
    dueAt: { type: Date, required: true },
    // The host app it concerns (webhooks always; mail to chiefs); the delivery log is per app.
    appId: { type: String, default: null },
    // Mail template or webhook event type.
    type: { type: String, required: true },
    // Pending items with this key are cancelled together (e.g. `case-unread:<caseId>` when the chief reads).
    cancelKey: { type: String, default: null },
    // Checked just before sending: the notification is dropped when it no longer applies.
    guard: {
      type: new Schema(
        { kind: { type: String, enum: ['case-unread', 'case-unassigned'], required: true }, caseId: { type: String, required: true } },
        { _id: false }
      ),
      default: null
    },
    mail: {
      type: new Schema(
        {
          to: { type: String, required: true },
          locale: { type: String, enum: ['pl', 'en'], required: true },
          // Unsubscribe scope (`experts` or `app:<id>`); null for transactional mail such as sign-in links.
          audience: { type: String, default: null },
          data: { type: Schema.Types.Mixed, default: {} }
        },
        { _id: false, minimize: false }
      ),
      default: null
    },
    webhook: { type: new Schema({ payload: { type: Schema.Types.Mixed, required: true } }, { _id: false }), default: null },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String, default: null },
    lastAttemptAt: { type: Date, default: null },
    lastStatus: { type: Number, default: null },
    sentAt: { type: Date, default: null }
  },
  { timestamps: true, versionKey: false, minimize: false }
)

outboxSchema.index({ state: 1, dueAt: 1 })
outboxSchema.index({ appId: 1, channel: 1, createdAt: -1, _id: -1 })
outboxSchema.index({ cancelKey: 1, state: 1 })

/**
 * Named leases (the outbox worker's is `outbox`). Claimed with findOneAndUpdate on equality
 * with the generation last seen; FerretDB 1.24 runs findOneAndUpdate as read-then-write, so
 * every claim is also fenced by inserting `<name>#<generation>` into `lease_claims`, whose
 * unique `_id` admits exactly one winner on both MongoDB and FerretDB.
 */
const leaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    generation: { type: Number, required: true },
    expiresAt: { type: Date, required: true }
  },
  { versionKey: false }
)
const leaseClaimSchema = new Schema(
  { _id: { type: String, required: true }, owner: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false }
)

/**
 * Addresses that asked for no more e-mail, and the unguessable token in their unsubscribe
 * links. `_id` = `<appId or "experts">:<address lower-cased>`.
 */
const mailRecipientSchema = new Schema(
  {
    _id: { type: String, required: true },
    token: { type: String, required: true, unique: true },
    unsubscribedAt: { type: Date, default: null }
  },
  { versionKey: false }
)

export type OutboxDoc = InferSchemaType<typeof outboxSchema> & { _id: string; createdAt: Date; updatedAt: Date }

export function notificationModels(connection: Connection) {
  return {
    Outbox: connection.model('Outbox', outboxSchema, 'outbox'),
    Lease: connection.model('Lease', leaseSchema, 'leases'),
    LeaseClaim: connection.model('LeaseClaim', leaseClaimSchema, 'lease_claims'),
    MailRecipient: connection.model('MailRecipient', mailRecipientSchema, 'mail_recipients')
  }
}
