import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, problemResponses, SavedReply, SavedReplyCreateBody, SavedReplyList, SavedReplyPatchBody } from '@ze/contract'

const security = [{ expertKey: [] }]
const tags = ['admin', 'saved-replies']
const who = 'Shared ones need an expert with the admin role (403 ADMIN_ROLE_REQUIRED); another expert’s personal one answers 404 SAVED_REPLY_NOT_FOUND.'

/** /admin/v1/saved-replies — "Gotowe odpowiedzi": every expert reads shared ones and keeps personal ones. */
const savedReplies: FastifyPluginAsyncTypebox = async (fastify) => {
  const audit = (action: string, reply: SavedReply) =>
    fastify.activity.record({
      type: 'audit',
      audit: { action: `saved-reply.${action}`, target: { type: 'saved-reply', id: reply.id }, detail: { scope: reply.scope } }
    })

  fastify.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Shared saved replies and the caller’s personal ones, by title',
        security,
        response: { 200: SavedReplyList, ...problemResponses }
      }
    },
    async (request) => ({ items: await fastify.savedReplies.list(request.expert!) })
  )

  fastify.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a saved reply',
        description: who,
        security,
        body: SavedReplyCreateBody,
        response: { 201: SavedReply, ...problemResponses }
      }
    },
    async (request, reply) => {
      const created = await fastify.savedReplies.create(request.expert!, request.body)
      await audit('created', created)
      return reply.code(201).send(created)
    }
  )

  fastify.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a saved reply’s title, body or tags',
        description: who,
        security,
        params: IdParams,
        body: SavedReplyPatchBody,
        response: { 200: SavedReply, ...problemResponses }
      }
    },
    async (request) => {
      const updated = await fastify.savedReplies.update(request.expert!, request.params.id, request.body)
      await audit('updated', updated)
      return updated
    }
  )

  fastify.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved reply',
        description: who,
        security,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses }
      }
    },
    async (request, reply) => {
      const removed = await fastify.savedReplies.remove(request.expert!, request.params.id)
      await audit('deleted', removed)
      return reply.code(204).send(null)
    }
  )
}

export default savedReplies
