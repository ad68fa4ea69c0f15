import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose'
import { searchFieldsSchema } from './search-fields.js'

/**
 * An instructional article of one host app. The Markdown source is rendered and sanitised
 * on write, so reads serve stored HTML and never run the renderer.
 */
const articleSchema = new Schema(
  {
    appId: { type: String, required: true },
    slug: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    html: { type: String, required: true },
    excerpt: { type: String, required: true },
    category: { id: { type: String, required: true }, name: { type: String, required: true } },
    tags: { type: [String], default: [] },
    published: { type: Boolean, required: true, default: false },
    // Slugs the article had before: old links (bookmarks, `article:` links, e-mails) keep working.
    previousSlugs: { type: [String], default: [] },
    // Denormalised from article_feedback (recounted after each vote) so lists need no aggregation.
    feedback: { helpful: { type: Number, default: 0 }, notHelpful: { type: Number, default: 0 } },
    search: searchFieldsSchema
  },
  { timestamps: true, versionKey: false }
)

articleSchema.index({ appId: 1, slug: 1 }, { unique: true })
// No index on search.keys (see models/forum-thread.ts): a btree over the whole array refuses long articles on PostgreSQL.
articleSchema.index({ appId: 1, published: 1 })
articleSchema.index({ appId: 1, previousSlugs: 1 })

export type ArticleDoc = InferSchemaType<typeof articleSchema>

// Written out rather than inferred: mongoose types nested paths as nullable.
export interface StoredArticle {
  _id: Types.ObjectId
  appId: string
  slug: string
  title: string
  body: string
  html: string
  excerpt: string
  category: { id: string; name: string }
  tags: string[]
  published: boolean
  previousSlugs?: string[] | null
  feedback?: { helpful?: number | null; notHelpful?: number | null } | null
  search?: Partial<Record<'title' | 'tags' | 'body' | 'keys', string[]>> | null
  createdAt: Date
  updatedAt: Date
}

export const articleModel = (connection: Connection) => connection.model('Article', articleSchema, 'articles')
