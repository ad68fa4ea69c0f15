import { Schema, type Connection, type InferSchemaType } from 'mongoose'

const refSchema = new Schema({ id: { type: String, required: true }, name: { type: String, required: true } }, { _id: false })

/**
 * One "Gotowa odpowiedź". `ownerId` is null for shared ones; personal ones are seen only by
 * their owner. Few per expert (hundreds at most), so the console filters the whole list.
 */
const savedReplySchema = new Schema(
  {
    scope: { type: String, enum: ['shared', 'personal'], required: true },
    ownerId: { type: String, default: null },
    ownerName: { type: String, default: null },
    title: { type: String, required: true },
    body: { type: String, required: true },
    tags: { type: [String], default: [] },
    updatedBy: { type: refSchema, required: true }
  },
  { timestamps: true, versionKey: false }
)

// The list an expert sees: shared (ownerId null) and their own, by title.
savedReplySchema.index({ ownerId: 1, title: 1 })

export type SavedReplyDoc = InferSchemaType<typeof savedReplySchema>

export const savedReplyModel = (connection: Connection) => connection.model('SavedReply', savedReplySchema, 'saved_replies')
