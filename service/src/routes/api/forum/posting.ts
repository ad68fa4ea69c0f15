import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Identity } from '../../../domain/identity.js'
import { forumPostingLimit } from '../../../plugins/app/rate-limit.js'
import type { ForumActor } from '../../../repositories/forum.js'
import { toPost, toThread } from '../../../mapping/forum.js'
import { AcceptBody, IdParams, NewThreadBody, PostCreated, problemResponses, ReplyBody, ThreadCreated } from '@ze/contract'

/** Name and role badge come from the verified identity token, never from the request body. */
const actorOf = (identity: Identity): Extract<ForumActor, { kind: 'user' }> => ({
  kind: 'user',
  appId: identity.appId,
  officeId: identity.office.id,
  id: identity.userId,
  name: identity.name,
  role: identity.role
})

const posting: FastifyPluginAsyncTypebox = async (fastify) => {
  const rateLimit = forumPostingLimit(fastify.config)

  fastify.post(
    '/threads',
    {
      config: { rateLimit },
      schema: {
        tags: ['forum'],
        summary: 'Start a thread (plain text)',
        description: 'Rate-limited per user together with replies: 429 RATE_LIMITED with Retry-After.',
        security: [{ identityToken: [] }],
        body: NewThreadBody,
        response: { 201: ThreadCreated, ...problemResponses }
      }
    },
    async (request, reply) => {
      const thread = await fastify.forum.createThread(actorOf(request.identity), request.body)
      await fastify.activity.record({ type: 'audit', audit: { action: 'thread.created', target: { type: 'thread', id: String(thread._id) } } })
      return reply.code(201).send({ thread: toThread(thread) })
    }
  )

  fastify.post(
    '/threads/:id/replies',
    {
      config: { rateLimit },
      schema: {
        tags: ['forum'],
        summary: 'Reply to a thread (plain text)',
        description: 'Rate-limited per user together with new threads: 429 RATE_LIMITED with Retry-After.',
        security: [{ identityToken: [] }],
        params: IdParams,
        body: ReplyBody,
        response: { 201: PostCreated, ...problemResponses }
      }
    },
    async (request, reply) => {
      const identity = request.identity
      const { thread, post } = await fastify.forum.reply(request.params.id, { appId: identity.appId }, actorOf(identity), request.body.body)
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'post.created', target: { type: 'post', id: String(post._id) }, detail: { threadId: String(thread._id) } }
      })
      return reply.code(201).send({ post: toPost(post, thread) })
    }
  )

  fastify.post(
    '/threads/:id/accept',
    {
      schema: {
        tags: ['forum'],
        summary: 'Mark a reply as the accepted answer (thread author only); the thread becomes solved',
        security: [{ identityToken: [] }],
        params: IdParams,
        body: AcceptBody,
        response: { 200: ThreadCreated, ...problemResponses }
      }
    },
    async (request) => {
      const identity = request.identity
      const thread = await fastify.forum.accept(request.params.id, request.body.postId, { appId: identity.appId }, actorOf(identity))
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'thread.answer-accepted', target: { type: 'thread', id: request.params.id }, detail: { postId: request.body.postId } }
      })
      return { thread: toThread(thread) }
    }
  )
}

export default posting
