import type { Types } from 'mongoose'
import type { ArticleFeedbackInput } from '@ze/contract'
import type { Identity } from '../domain/identity.js'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import type { StoredArticle } from '../models/article.js'
import type { StoredArticleFeedback } from '../models/article-feedback.js'
import { toObjectId } from './map.js'
import { isDuplicateKey } from './duplicate-key.js'
import { findPublishedBySlug } from './article-slugs.js'

const MAX_COMMENTS = 50

/** "Czy to pomogło?" under articles: one vote per user and article, counts for the experts. */
export function createArticleFeedbackRepository(models: Models) {
  const { Article, ArticleFeedback } = models

  /** Counts from the votes themselves (not ±1 increments): a lost race corrects itself on the next vote. */
  async function recount(articleId: Types.ObjectId): Promise<void> {
    const [helpful, notHelpful] = await Promise.all([
      ArticleFeedback.countDocuments({ articleId, helpful: true }),
      ArticleFeedback.countDocuments({ articleId, helpful: false })
    ])
    // timestamps: false — a vote must not move the article's "Zaktualizowano" date or its optimistic-update token.
    await Article.updateOne({ _id: articleId }, { $set: { feedback: { helpful, notHelpful } } }, { timestamps: false })
  }

  return {
    async vote(identity: Identity, slug: string, input: ArticleFeedbackInput): Promise<StoredArticleFeedback> {
      const article = await findPublishedBySlug<{ _id: Types.ObjectId }>(Article, identity.tenant.appId, slug, { _id: 1 })
      if (!article) throw new AppError('ARTICLE_NOT_FOUND', `No published article "${slug}"`)
      const filter = { articleId: article._id, userId: identity.userId }
      const $set = { ...identity.tenant, role: identity.role, helpful: input.helpful, comment: input.comment?.trim() || null }
      const upsert = () => ArticleFeedback.findOneAndUpdate(filter, { $set }, { upsert: true, new: true }).lean()
      let doc
      try {
        doc = await upsert()
      } catch (err) {
        // Two votes of one user at once: the loser's insert hits the unique index; it is now an update.
        if (!isDuplicateKey(err)) throw err
        doc = await upsert()
      }
      await recount(article._id)
      return doc as StoredArticleFeedback
    },

    async yours(identity: Identity, articleId: Types.ObjectId): Promise<StoredArticleFeedback | null> {
      return (await ArticleFeedback.findOne({ articleId, userId: identity.userId }).lean()) as StoredArticleFeedback | null
    },

    /** For experts: the counts and the newest comments (bounded by the votes of one article). */
    async forArticle(id: string): Promise<{ feedback: StoredArticle['feedback']; comments: Array<StoredArticleFeedback & { comment: string }> }> {
      const _id = toObjectId(id)
      const article = _id && ((await Article.findById(_id, { feedback: 1 }).lean()) as Pick<StoredArticle, 'feedback'> | null)
      if (!_id || !article) throw new AppError('ARTICLE_NOT_FOUND')
      const votes = (await ArticleFeedback.find({ articleId: _id }, { helpful: 1, comment: 1, role: 1, updatedAt: 1 }).lean()) as StoredArticleFeedback[]
      const comments = votes
        .filter((v): v is StoredArticleFeedback & { comment: string } => Boolean(v.comment))
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
        .slice(0, MAX_COMMENTS)
      return { feedback: article.feedback, comments }
    },

    removeFor: (articleId: Types.ObjectId) => ArticleFeedback.deleteMany({ articleId })
  }
}

export type ArticleFeedbackRepository = ReturnType<typeof createArticleFeedbackRepository>
