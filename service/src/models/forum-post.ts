import { Schema, type Connection, type InferSchemaType } from 'mongoose'
import { forumAuthorSchema, moderationSchema } from './forum-thread.js'

/** A reply in a forum thread. Bodies are plain text; the widget renders them as text. */
const forumPostSchema = new Schema(
  {
    threadId: { type: Schema.Types.ObjectId, required: true },
    appId: { type: String, required: true },
    officeId: { type: String, default: null },
    author: forumAuthorSchema,
    body: { type: String, required: true },
    hidden: { type: Boolean, required: true, default: false },
    moderation: moderationSchema
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false }
)

forumPostSchema.index({ threadId: 1, createdAt: 1, _id: 1 })

export type ForumPostDoc = InferSchemaType<typeof forumPostSchema>

export const forumPostModel = (connection: Connection) => connection.model('ForumPost', forumPostSchema, 'forum_posts')
