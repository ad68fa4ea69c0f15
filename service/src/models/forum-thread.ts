import { Schema, type Connection, type InferSchemaType } from 'mongoose'
import { searchFieldsSchema } from './search-fields.js'

/** Who wrote a forum thread or post: a host-app user (role from the identity token) or an expert. */
export const forumAuthorSchema = {
  kind: { type: String, enum: ['user', 'expert'], required: true },
  // The host app's user id (`sub`) or the expert id; together with appId it identifies the person.
  id: { type: String, required: true },
  name: { type: String, required: true },
  role: { type: String, enum: ['office_chief', 'employee', 'client', 'expert'], required: true }
}

/** The latest hide / unhide of a thread or post, with the expert's reason. */
export const moderationSchema = {
  type: new Schema(
    {
      hidden: { type: Boolean, required: true },
      reason: { type: String, required: true },
      by: { id: { type: String, required: true }, name: { type: String, required: true } },
      at: { type: Date, required: true }
    },
    { _id: false }
  ),
  default: null
}

/**
 * A forum thread: the opening post lives on the thread itself. The forum is per host app
 * (all offices share it); the office is stored for moderation but never filtered on.
 */
const forumThreadSchema = new Schema(
  {
    appId: { type: String, required: true },
    officeId: { type: String, default: null },
    title: { type: String, required: true },
    body: { type: String, required: true },
    author: forumAuthorSchema,
    // Denormalised: visible replies only (hiding a post decrements it), so lists need no count query.
    replyCount: { type: Number, required: true, default: 0 },
    solved: { type: Boolean, required: true, default: false },
    acceptedPostId: { type: Schema.Types.ObjectId, default: null },
    hidden: { type: Boolean, required: true, default: false },
    moderation: moderationSchema,
    lastActivityAt: { type: Date, required: true },
    search: searchFieldsSchema
  },
  { timestamps: true, versionKey: false }
)

// The list: recent activity first, keyset pagination; search adds `search.keys`.
forumThreadSchema.index({ appId: 1, hidden: 1, lastActivityAt: -1, _id: -1 })
// No index on search.keys: FerretDB on PostgreSQL turns it into a btree over the whole array, which
// refuses long threads (row size > 2704 bytes), and never uses it; search is served in memory.
forumThreadSchema.index({ appId: 1, hidden: 1 })

export type ForumThreadDoc = InferSchemaType<typeof forumThreadSchema>

export const forumThreadModel = (connection: Connection) => connection.model('ForumThread', forumThreadSchema, 'forum_threads')
