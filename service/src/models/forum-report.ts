import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/**
 * A user's report of a forum post (or a thread's question) to the experts. One per user and
 * target: reporting again replaces the reason. The reporter is kept only as a hash of app and
 * user id (enough to count one report per person, not to tell experts who reported) and a role.
 * Open until an expert hides the target or dismisses the thread's reports.
 */
const forumReportSchema = new Schema(
  {
    appId: { type: String, required: true },
    threadId: { type: Schema.Types.ObjectId, required: true },
    targetType: { type: String, enum: ['thread', 'post'], required: true },
    targetId: { type: Schema.Types.ObjectId, required: true },
    reporterHash: { type: String, required: true },
    reporterRole: { type: String, required: true },
    reason: { type: String, required: true },
    open: { type: Boolean, required: true, default: true },
    resolution: { type: String, enum: ['hidden', 'dismissed', null], default: null },
    resolvedAt: { type: Date, default: null }
  },
  { timestamps: true, versionKey: false }
)

forumReportSchema.index({ targetId: 1, reporterHash: 1 }, { unique: true })
// "Zgłoszone" in the console and the open reports of one thread.
forumReportSchema.index({ open: 1, threadId: 1 })

export type ForumReportDoc = InferSchemaType<typeof forumReportSchema>

export const forumReportModel = (connection: Connection) => connection.model('ForumReport', forumReportSchema, 'forum_reports')
