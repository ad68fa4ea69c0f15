import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, problemResponses } from '@ze/contract'
import { PresenceBody } from '@ze/contract'

const presence: FastifyPluginAsyncTypebox = async (fastify) => {
  const { presenceTtlSeconds } = fastify.config
  fastify.post(
    '/:id/presence',
    {
      schema: {
        tags: ['admin'],
        summary: 'Tell other experts you are viewing or typing in a case',
        description: `Sent to every expert's event stream as \`presence\`. It expires after ${presenceTtlSeconds} s unless posted again; \`left\` ends it at once.`,
        security: [{ expertKey: [] }],
        params: IdParams,
        body: PresenceBody,
        response: { 204: Type.Null({ description: 'Recorded' }), ...problemResponses }
      }
    },
    async (request, reply) => {
      await fastify.caseQueue.presence(request.expert!, request.params.id, request.body.state, presenceTtlSeconds)
      return reply.code(204).send(null)
    }
  )
}

export default presence
