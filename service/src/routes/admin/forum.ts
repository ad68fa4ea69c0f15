import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { forumPostingLimit } from '../../plugins/app/rate-limit.js'
import type { ForumActor } from '../../repositories/forum.js'
import { toAdminPost, toAdminThread } from '../../mapping/forum.js'
import {
  AcceptBody,
  AdminPostCreated,
  AdminPostResponse,
  AdminThreadDetail,
  AdminThreadListQuery,
  AdminThreadPage,
  AdminThreadResponse,
  IdParams,
  ModerationBody,
  problemResponses,
  ReplyBody,
  ReportsDismissed
} from '@ze/contract'

const security = [{ expertKey: [] }]
const tags = ['admin', 'forum']
const admin = { admin: true } as const

/** /admin/v1/forum — experts read everything (hidden included), answer with an expert badge and moderate. */
const forum: FastifyPluginAsyncTypebox = async (fastify) => {
  const expertActor = (expert: { id: string; name: string }): ForumActor => ({ kind: 'expert', id: expert.id, name: expert.name })

  fastify.get(
    '/threads',
    {
      schema: {
        tags,
        summary: 'Threads of every app, hidden included, most recent activity first',
        description: 'With `attention`, the threads that need a moderator: `reported` (open reports) or `unanswered` (no visible reply yet).',
        security,
        querystring: AdminThreadListQuery,
        response: { 200: AdminThreadPage, ...problemResponses }
      }
    },
    async (request) => {
      const page = await fastify.forum.listAll(request.query)
      const counts = await fastify.forum.reports.openCounts(page.items.map((t) => t._id))
      return { items: page.items.map((t) => ({ ...toAdminThread(t), openReports: counts.get(String(t._id)) ?? 0 })), nextCursor: page.nextCursor }
    }
  )

  fastify.get(
    '/threads/:id',
    {
      schema: {
        tags,
        summary: 'A thread with all replies, hidden included, and the open reports',
        security,
        params: IdParams,
        response: { 200: AdminThreadDetail, ...problemResponses }
      }
    },
    async (request) => {
      const { thread, posts } = await fastify.forum.threadWithPosts(request.params.id, admin)
      const reports = await fastify.forum.reports.openForThread(thread._id)
      const reportsOf = (id: unknown) => reports.get(String(id)) ?? []
      return {
        thread: { ...toAdminThread(thread), body: thread.body, reports: reportsOf(thread._id) },
        posts: posts.map((p) => ({ ...toAdminPost(p, thread), reports: reportsOf(p._id) }))
      }
    }
  )

  fastify.post(
    '/threads/:id/replies',
    {
      config: { rateLimit: forumPostingLimit(fastify.config) },
      schema: {
        tags,
        summary: 'Reply as an expert (shown with the expert badge)',
        security,
        params: IdParams,
        body: ReplyBody,
        response: { 201: AdminPostCreated, ...problemResponses }
      }
    },
    async (request, reply) => {
      const { thread, post } = await fastify.forum.reply(request.params.id, admin, expertActor(request.expert!), request.body.body)
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'post.created', target: { type: 'post', id: String(post._id) }, appId: thread.appId, detail: { threadId: String(thread._id) } }
      })
      return reply.code(201).send({ post: toAdminPost(post, thread) })
    }
  )

  fastify.post(
    '/threads/:id/accept',
    {
      schema: {
        tags,
        summary: 'Mark a reply as the accepted answer; the thread becomes solved',
        security,
        params: IdParams,
        body: AcceptBody,
        response: { 200: AdminThreadResponse, ...problemResponses }
      }
    },
    async (request) => {
      const thread = await fastify.forum.accept(request.params.id, request.body.postId, admin, expertActor(request.expert!))
      await fastify.activity.record({
        type: 'audit',
        audit: {
          action: 'thread.answer-accepted',
          target: { type: 'thread', id: request.params.id },
          appId: thread.appId,
          detail: { postId: request.body.postId }
        }
      })
      return { thread: toAdminThread(thread) }
    }
  )

  fastify.post(
    '/threads/:id/reports/dismiss',
    {
      schema: {
        tags,
        summary: 'Close the open reports of a thread without hiding anything',
        security,
        params: IdParams,
        response: { 200: ReportsDismissed, ...problemResponses }
      }
    },
    async (request) => {
      const thread = await fastify.forum.findThread(request.params.id, admin)
      const dismissed = await fastify.forum.reports.resolve({ threadId: thread._id }, 'dismissed')
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'thread.reports-dismissed', target: { type: 'thread', id: request.params.id }, appId: thread.appId, detail: { dismissed } }
      })
      return { dismissed }
    }
  )

  const moderator = (request: { body: { reason: string }; expert: { id: string; name: string } | null }) => ({
    reason: request.body.reason,
    by: { id: request.expert!.id, name: request.expert!.name }
  })

  for (const [action, hidden] of [
    ['hide', true],
    ['unhide', false]
  ] as const) {
    fastify.post(
      `/posts/:id/${action}`,
      {
        schema: {
          tags,
          summary: hidden ? 'Hide a reply from end users (moderation); hiding the accepted answer unsolves the thread' : 'Show a hidden reply again',
          description: hidden ? 'The reason is kept with the reply (shown to experts) and closes its open reports.' : 'The reason is kept with the reply.',
          security,
          params: IdParams,
          body: ModerationBody,
          response: { 200: AdminPostResponse, ...problemResponses }
        }
      },
      async (request) => {
        const { post, thread } = await fastify.forum.setPostHidden(request.params.id, hidden, moderator(request))
        await fastify.activity.record({
          type: 'audit',
          audit: {
            action: `post.${action}`,
            target: { type: 'post', id: request.params.id },
            appId: post.appId,
            detail: { reason: request.body.reason.trim() }
          }
        })
        return { post: toAdminPost(post, thread) }
      }
    )
    fastify.post(
      `/threads/:id/${action}`,
      {
        schema: {
          tags,
          summary: hidden ? 'Hide a whole thread from end users (moderation)' : 'Show a hidden thread again',
          description: hidden
            ? 'The reason is kept with the thread (shown to experts) and closes every open report in it.'
            : 'The reason is kept with the thread.',
          security,
          params: IdParams,
          body: ModerationBody,
          response: { 200: AdminThreadResponse, ...problemResponses }
        }
      },
      async (request) => {
        const thread = await fastify.forum.setThreadHidden(request.params.id, hidden, moderator(request))
        await fastify.activity.record({
          type: 'audit',
          audit: {
            action: `thread.${action}`,
            target: { type: 'thread', id: request.params.id },
            appId: thread.appId,
            detail: { reason: request.body.reason.trim() }
          }
        })
        return { thread: toAdminThread(thread) }
      }
    )
  }
}

export default forum
