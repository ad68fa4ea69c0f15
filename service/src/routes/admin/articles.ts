import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../errors.js'
import { AdminArticle, AdminArticleFeedback, AdminArticleListQuery, AdminArticleListResponse, ArticleCreateBody, ArticlePatchBody, IdParams, problemResponses } from '@ze/contract'

const security = [{ expertKey: [] }]
const tags = ['admin', 'articles']

/** /admin/v1/articles — article management, for experts with the admin role only. */
const articles: FastifyPluginAsyncTypebox = async (fastify) => {
  // Encapsulated: guards only this plugin's routes, after the subtree's key check.
  fastify.addHook('onRequest', async (request) => {
    if (!request.expert?.admin) throw new AppError('ADMIN_ROLE_REQUIRED', 'Managing articles needs an expert with the admin role')
  })

  fastify.get(
    '/',
    {
      schema: {
        tags,
        summary: 'All articles, published or not (without bodies)',
        security,
        querystring: AdminArticleListQuery,
        response: { 200: AdminArticleListResponse, ...problemResponses }
      }
    },
    async (request) => ({ items: await fastify.articles.adminList(request.query) })
  )

  fastify.get(
    '/:id',
    { schema: { tags, summary: 'One article with its Markdown source and rendered HTML', security, params: IdParams, response: { 200: AdminArticle, ...problemResponses } } },
    async (request) => fastify.articles.adminGet(request.params.id)
  )

  fastify.get(
    '/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Czy to pomogło? — the votes on one article: counts and the newest comments',
        security,
        params: IdParams,
        response: { 200: AdminArticleFeedback, ...problemResponses }
      }
    },
    async (request) => fastify.articles.feedback.forArticle(request.params.id)
  )

  fastify.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create an article (Markdown is rendered and sanitised on write)',
        description: 'The slug is unique per app (409 CONFLICT otherwise). Unpublished by default.',
        security,
        body: ArticleCreateBody,
        response: { 201: AdminArticle, ...problemResponses }
      }
    },
    async (request, reply) => {
      if (!(await fastify.apps.findById(request.body.appId))) {
        throw new AppError('VALIDATION_FAILED', `Unknown app "${request.body.appId}"`, { errors: [{ path: '/body/appId', message: 'is not a known app' }] })
      }
      const created = await fastify.articles.create(request.body)
      await fastify.activity.record({ type: 'audit', audit: { action: 'article.created', target: { type: 'article', id: created.id }, appId: created.appId } })
      return reply.code(201).send(created)
    }
  )

  fastify.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change an article; changed Markdown is rendered again',
        security,
        params: IdParams,
        body: ArticlePatchBody,
        response: { 200: AdminArticle, ...problemResponses }
      }
    },
    async (request) => {
      const updated = await fastify.articles.update(request.params.id, request.body)
      await fastify.activity.record({ type: 'audit', audit: { action: 'article.updated', target: { type: 'article', id: updated.id }, appId: updated.appId, detail: { fields: Object.keys(request.body).join(',') } } })
      return updated
    }
  )

  fastify.delete(
    '/:id',
    { schema: { tags, summary: 'Delete an article', security, params: IdParams, response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses } } },
    async (request, reply) => {
      await fastify.articles.remove(request.params.id)
      await fastify.activity.record({ type: 'audit', audit: { action: 'article.deleted', target: { type: 'article', id: request.params.id } } })
      return reply.code(204).send(null)
    }
  )
}

export default articles
