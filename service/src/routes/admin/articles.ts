import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../errors.js'
import {
  AdminArticle,
  AdminArticleFeedback,
  AdminArticleListQuery,
  AdminArticleListResponse,
  ArticleCreateBody,
  ArticleFromMessageBody,
  ArticlePatchBody,
  ArticlePreviewBody,
  ArticlePreviewResponse,
  IdParams,
  problemResponses
} from '@ze/contract'
import { toAdminArticle, toAdminArticleFeedback, toAdminArticleSummary } from '../../mapping/articles.js'

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
    async (request) => ({ items: (await fastify.articles.adminList(request.query)).map(toAdminArticleSummary) })
  )

  fastify.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One article with its Markdown source and rendered HTML',
        security,
        params: IdParams,
        response: { 200: AdminArticle, ...problemResponses }
      }
    },
    async (request) => toAdminArticle(await fastify.articles.adminGet(request.params.id))
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
    async (request) => toAdminArticleFeedback(await fastify.articles.feedback.forArticle(request.params.id))
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
      const created = toAdminArticle(await fastify.articles.create(request.body))
      await fastify.activity.record({ type: 'audit', audit: { action: 'article.created', target: { type: 'article', id: created.id }, appId: created.appId } })
      return reply.code(201).send(created)
    }
  )

  fastify.post(
    '/preview',
    {
      schema: {
        tags,
        summary: "Render Markdown exactly as a save would (the editor's live preview); nothing is stored",
        description:
          'The same renderer and sanitiser as POST/PATCH (ADR 0004), so the preview shows what readers will get. A malformed `article:` link is 400 here as on save.',
        security,
        body: ArticlePreviewBody,
        response: { 200: ArticlePreviewResponse, ...problemResponses }
      }
    },
    async (request) => fastify.articles.preview(request.body.body)
  )

  fastify.post(
    '/from-message',
    {
      schema: {
        tags,
        summary: "Utwórz artykuł z odpowiedzi — a draft from an expert's public answer in a case",
        description:
          'Title: the case subject; body: the answer; slug made of the title (a number is added when taken); category "do-uporzadkowania"; never published. 404 MESSAGE_NOT_FOUND for an internal note, a chief\'s message or an unknown id.',
        security,
        body: ArticleFromMessageBody,
        response: { 201: AdminArticle, ...problemResponses }
      }
    },
    async (request, reply) => {
      const created = toAdminArticle(await fastify.articles.createFromMessage(request.body.messageId))
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'article.created', target: { type: 'article', id: created.id }, appId: created.appId, detail: { fromMessage: request.body.messageId } }
      })
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
      const { article: stored, was } = await fastify.articles.update(request.params.id, request.body)
      const article = toAdminArticle(stored)
      const target = { type: 'article' as const, id: article.id }
      // Publishing is its own entry in the audit trail ("who published what"); other fields are an edit.
      const edited = Object.keys(request.body).filter((f) => f !== 'published')
      const audits = []
      if (edited.length)
        audits.push({ action: 'article.updated', detail: { fields: edited.join(','), ...(article.slug !== was.slug ? { previousSlug: was.slug } : {}) } })
      if (article.published !== was.published) audits.push({ action: article.published ? 'article.published' : 'article.unpublished', detail: {} })
      for (const a of audits) await fastify.activity.record({ type: 'audit', audit: { action: a.action, target, appId: article.appId, detail: a.detail } })
      return article
    }
  )

  fastify.delete(
    '/:id',
    {
      schema: { tags, summary: 'Delete an article', security, params: IdParams, response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses } }
    },
    async (request, reply) => {
      await fastify.articles.remove(request.params.id)
      await fastify.activity.record({ type: 'audit', audit: { action: 'article.deleted', target: { type: 'article', id: request.params.id } } })
      return reply.code(204).send(null)
    }
  )
}

export default articles
