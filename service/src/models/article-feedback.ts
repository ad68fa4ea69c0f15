import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/**
 * One user's answer to "Czy to pomogło?" under one article (issue 15 item 5). One vote per
 * user and article: voting again replaces it. The office is kept for privacy export/erasure.
 */
const articleFeedbackSchema = new Schema(
  {
    appId: { type: String, required: true },
    articleId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    officeId: { type: String, required: true },
    role: { type: String, required: true },
    helpful: { type: Boolean, required: true },
    comment: { type: String, default: null }
  },
  { timestamps: true, versionKey: false }
)

articleFeedbackSchema.index({ articleId: 1, userId: 1 }, { unique: true })
// Recounting after a vote: equality on two top-level scalars, which FerretDB pushes down.
articleFeedbackSchema.index({ articleId: 1, helpful: 1 })

export type ArticleFeedbackDoc = InferSchemaType<typeof articleFeedbackSchema>

/** A vote as the repository reads it back (the fields the responses need). */
export interface StoredArticleFeedback {
  helpful: boolean
  comment?: string | null
  role: string
  updatedAt: Date
}

export const articleFeedbackModel = (connection: Connection) => connection.model('ArticleFeedback', articleFeedbackSchema, 'article_feedback')
