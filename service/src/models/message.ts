import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose'

/** A file stored in GridFS; `_id` is the GridFS file id and the public attachment id. */
const attachmentSchema = new Schema(
  {
    filename: { type: String, required: true },
    // Decided from the content at upload, never from the name or the browser's claim.
    contentType: { type: String, required: true },
    size: { type: Number, required: true }
  },
  { _id: true }
)

const authorSchema = new Schema(
  { kind: { type: String, enum: ['chief', 'expert', 'system'], required: true }, id: { type: String, required: true }, name: { type: String, required: true } },
  { _id: false }
)

/** One message of a case conversation. The tenant is copied here so attachment checks need one query. */
const messageSchema = new Schema(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    appId: { type: String, required: true },
    officeId: { type: String, required: true },
    author: { type: authorSchema, required: true },
    body: { type: String, required: true },
    // Expert notes for other experts: never part of any end-user response.
    internal: { type: Boolean, required: true, default: false },
    attachments: { type: [attachmentSchema], default: [] }
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false }
)

messageSchema.index({ caseId: 1, createdAt: 1, _id: 1 })
messageSchema.index({ 'attachments._id': 1 })

export type MessageDoc = InferSchemaType<typeof messageSchema>
/** A message as a lean read returns it. */
export type StoredMessage = MessageDoc & { _id: Types.ObjectId; createdAt: Date }

export const messageModel = (connection: Connection) => connection.model('Message', messageSchema, 'messages')
