import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { forumReportLimit } from '../../../plugins/app/rate-limit.js'
import { IdParams, problemResponses, ReportBody } from '@ze/contract'

/** "Zgłoś": any signed-in user may ask the experts to look at a reply or a thread's question. */
const reports: FastifyPluginAsyncTypebox = async (fastify) => {
  const rateLimit = forumReportLimit(fastify.config)
  for (const targetType of ['post', 'thread'] as const) {
    fastify.post(
      `/${targetType}s/:id/report`,
      {
        config: { rateLimit },
        schema: {
          tags: ['forum'],
          summary: targetType === 'post' ? 'Report a reply to the experts' : 'Report a thread’s question to the experts',
          description:
            'One report per user and post: reporting again replaces the reason. The experts see the reason and the reporter’s role, not who reported. Rate-limited per user: 429 RATE_LIMITED with Retry-After.',
          security: [{ identityToken: [] }],
          params: IdParams,
          body: ReportBody,
          response: { 204: Type.Null({ description: 'Reported' }), ...problemResponses }
        }
      },
      async (request, reply) => {
        const identity = request.identity!
        const { threadId } = await fastify.forum.reports.report(
          { appId: identity.appId, userId: identity.userId, role: identity.role },
          targetType,
          request.params.id,
          request.body.reason
        )
        await fastify.activity.record({
          type: 'audit',
          audit: { action: `${targetType}.reported`, target: { type: targetType, id: request.params.id }, detail: { threadId } }
        })
        return reply.code(204).send(null)
      }
    )
  }
}

export default reports
