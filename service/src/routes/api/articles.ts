import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ArticleFeedbackBody,
  ArticleFeedbackResponse,
  ArticleListQuery,
  ArticleListResponse,
  ArticleView,
  OpenedQuery,
  problemResponses,
  SlugParams
} from '@ze/contract'
import { toArticleFeedback, toArticleList, toArticleView } from '../../mapping/articles.js'

/** /api/v1/articles — published instructional articles of the caller's host app (R11). */
const articles: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        tags: ['articles'],
        summary: 'Published articles, by category or matching a search',
        description:
          'Without `q`: every published article (or one category), by category and title. With `q`: best match first (title above body; diacritics, word beginnings and small typos tolerated).',
        security: [{ identityToken: [] }],
        querystring: ArticleListQuery,
        response: { 200: ArticleListResponse, ...problemResponses }
      }
    },
    async (request) => toArticleList(await fastify.articles.listPublished(request.tenant.appId, request.query))
  )

  fastify.get(
    '/:slug',
    {
      schema: {
        tags: ['articles'],
        summary: 'One published article as sanitised HTML',
        description:
          'Each answer counts one read of the article for the statistics (`via=suggestion`: also one question-in-progress that opened a suggestion).',
        security: [{ identityToken: [] }],
        params: SlugParams,
        querystring: OpenedQuery,
        response: { 200: ArticleView, ...problemResponses }
      }
    },
    async (request) => {
      const identity = request.identity
      const found = await fastify.articles.findPublished(identity, request.params.slug)
      await fastify.activity.record({
        type: 'help.opened',
        kind: 'article',
        id: String(found.article._id),
        appId: identity.tenant.appId,
        officeId: identity.tenant.officeId,
        at: new Date(),
        viaSuggestion: request.query.via === 'suggestion'
      })
      return toArticleView(found.article, found.yours)
    }
  )

  fastify.post(
    '/:slug/feedback',
    {
      schema: {
        tags: ['articles'],
        summary: 'Czy to pomogło? Vote on an article (yes/no, optional comment)',
        description:
          'Any signed-in user; one vote per user and article — voting again replaces the earlier vote. Experts read the counts in the admin article list and the comments in GET /admin/v1/articles/:id/feedback.',
        security: [{ identityToken: [] }],
        params: SlugParams,
        body: ArticleFeedbackBody,
        response: { 200: ArticleFeedbackResponse, ...problemResponses }
      }
    },
    async (request) => {
      const feedback = toArticleFeedback(await fastify.articles.feedback.vote(request.identity, request.params.slug, request.body))
      await fastify.activity.record({
        type: 'audit',
        audit: {
          action: 'article.voted',
          target: { type: 'article', id: request.params.slug },
          appId: request.tenant.appId,
          detail: { helpful: request.body.helpful }
        }
      })
      return { feedback }
    }
  )
}

export default articles
