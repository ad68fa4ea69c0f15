import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problemResponses } from '@ze/contract'
import { eventStreamResponse } from '@ze/contract'
import { assertOfficeChief } from '../../domain/case-rules.js'

const events: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/events',
    {
      schema: {
        tags: ['live'],
        summary: 'Live updates for the office chief (server-sent events)',
        description:
          '`text/event-stream` with `event: unread` `{"count"}` at connect and on every change, `event: message` `{"caseId","messageId"}` for new public messages in the office’s cases, and `event: case` `{"caseId","status"}` when a case is created or changes. Internal notes and other offices never appear. Frames carry `id:`; send it back as `Last-Event-ID` to resume without loss. A comment heartbeat comes at least every 25 s; the stream ends when the identity token expires (reconnect with a fresh one). Office chief only (403 ONLY_OFFICE_CHIEF).',
        security: [{ identityToken: [] }],
        response: { 200: eventStreamResponse, ...problemResponses }
      }
    },
    async (request, reply) => {
      const identity = request.identity
      assertOfficeChief(identity)
      await fastify.openEventStream(request, reply, { kind: 'chief', identity }, identity.expiresAt)
    }
  )
}

export default events
