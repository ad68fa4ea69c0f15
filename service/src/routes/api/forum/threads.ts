import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, OpenedQuery, problemResponses, ThreadDetail, ThreadListQuery, ThreadPage } from '@ze/contract'
import { toPost, toThread } from '../../../mapping/forum.js'

const threads: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/threads',
    {
      schema: {
        tags: ['forum'],
        summary: 'Forum threads, most recent activity first',
        description:
          'With `q`, only threads whose title or opening post contains every word (diacritics and case ignored, word beginnings match). Keyset-paginated: pass `nextCursor` back as `cursor`.',
        security: [{ identityToken: [] }],
        querystring: ThreadListQuery,
        response: { 200: ThreadPage, ...problemResponses }
      }
    },
    async (request) => {
      const page = await fastify.forum.listVisible(request.tenant.appId, request.query)
      return { items: page.items.map(toThread), nextCursor: page.nextCursor }
    }
  )

  fastify.get(
    '/threads/:id',
    {
      schema: {
        tags: ['forum'],
        summary: 'A thread with its visible replies, oldest first',
        description: '`via=suggestion`: opened from the suggestions while writing a question, counted for the statistics (deflection).',
        security: [{ identityToken: [] }],
        params: IdParams,
        querystring: OpenedQuery,
        response: { 200: ThreadDetail, ...problemResponses }
      }
    },
    async (request) => {
      const identity = request.identity
      const { thread, posts } = await fastify.forum.threadWithPosts(request.params.id, { appId: identity.appId })
      // Thread reads are not counted (the statistics rank articles only); a suggestion opened is.
      if (request.query.via === 'suggestion')
        await fastify.activity.record({
          type: 'help.opened',
          kind: 'thread',
          id: String(thread._id),
          appId: identity.appId,
          officeId: identity.office.id,
          at: new Date(),
          viaSuggestion: true
        })
      const canAccept = thread.author.kind === 'user' && thread.author.id === identity.userId
      return { thread: { ...toThread(thread), body: thread.body, canAccept }, posts: posts.map((p) => toPost(p, thread)) }
    }
  )
}

export default threads
