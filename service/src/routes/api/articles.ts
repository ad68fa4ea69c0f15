import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ArticleListQuery, ArticleListResponse, ArticleView, problemResponses, SlugParams } from '@ze/contract'

/** /api/v1/articles — published instructional articles of the caller's host app (R11). */
const articles: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        tags: ['articles'],
        summary: 'Published articles, by category or matching a search',
        description: 'Without `q`: every published article (or one category), by category and title. With `q`: best match first (title above body; diacritics, word beginnings and small typos tolerated).',
        security: [{ identityToken: [] }],
        querystring: ArticleListQuery,
        response: { 200: ArticleListResponse, ...problemResponses }
      }
    },
    async (request) => fastify.articles.listPublished(request.identity!.appId, request.query)
  )

  fastify.get(
    '/:slug',
    {
      schema: {
        tags: ['articles'],
        summary: 'One published article as sanitised HTML',
        security: [{ identityToken: [] }],
        params: SlugParams,
        response: { 200: ArticleView, ...problemResponses }
      }
    },
    async (request) => fastify.articles.findPublished(request.identity!.appId, request.params.slug)
  )
}

export default articles
