import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problemResponses } from '@ze/contract'
import { eventStreamResponse } from '@ze/contract'

const events: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/events',
    {
      schema: {
        tags: ['live'],
        summary: 'Live updates for experts (server-sent events)',
        description:
          '`text/event-stream` with `case.created`, `case.updated`, `message.created` (internal notes included, ids only) and `presence` for every office. At connect without `Last-Event-ID`, the presence still current is sent first. Frames carry `id:`; send it back as `Last-Event-ID` to resume. A comment heartbeat comes at least every 25 s.',
        security: [{ expertKey: [] }],
        response: { 200: eventStreamResponse, ...problemResponses }
      }
    },
    async (request, reply) => {
      await fastify.openEventStream(request, reply, { kind: 'expert', expertId: request.expert!.id }, null)
    }
  )
}

export default events
