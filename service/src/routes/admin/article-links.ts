import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ArticleLinkList, ArticleLinkQuery, problemResponses } from '@ze/contract'

const MAX_LINKS = 20

/**
 * /admin/v1/article-links — published articles an expert may link in a case reply. Open to
 * every expert (managing articles needs the admin role; linking one does not).
 */
const articleLinks: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/article-links',
    {
      schema: {
        tags: ['admin', 'articles'],
        summary: 'Published articles of one app to link in a reply as `[title](article:slug)`',
        description: 'The widget opens such a link in its own article view instead of leaving the page.',
        security: [{ expertKey: [] }],
        querystring: ArticleLinkQuery,
        response: { 200: ArticleLinkList, ...problemResponses }
      }
    },
    async (request) => {
      const found = await fastify.articles.adminList({ appId: request.query.appId, q: request.query.q, published: true })
      return { items: found.slice(0, MAX_LINKS).map((a) => ({ slug: a.slug, title: a.title, categoryName: a.category.name })) }
    }
  )
}

export default articleLinks
