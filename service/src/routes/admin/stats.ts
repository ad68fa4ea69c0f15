import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { StatsQuery, StatsReport, StatsSettings, problemResponses } from '@ze/contract'
import { AppError } from '../../errors.js'

/** Statistics ("Statystyki"): any expert reads them; the response-time target is an admin's choice. */
const stats: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/stats',
    {
      schema: {
        tags: ['admin'],
        summary: 'Statistics for a period and office: cases per day, response and resolution times, backlog, satisfaction, articles, deflection',
        description:
          'Read from counters kept per UTC day and office as events happen (never by scanning cases), so the cost grows with the number of days, at most 366. Durations are reported as the bucket holding the median / p90 (bounds in `boundsMinutes`). The backlog is the state now, whatever the period.',
        security: [{ expertKey: [] }],
        querystring: StatsQuery,
        response: { 200: StatsReport, ...problemResponses }
      }
    },
    async (request) => fastify.stats.report(request.query)
  )

  fastify.get(
    '/stats/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'The response-time target of the statistics',
        security: [{ expertKey: [] }],
        response: { 200: StatsSettings, ...problemResponses }
      }
    },
    async () => ({ targetMinutes: await fastify.stats.targetMinutes() })
  )

  fastify.put(
    '/stats/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Set the response-time target (admin experts)',
        description: 'The share of first responses given sooner than this target is shown in the statistics; the target is one of the bucket bounds.',
        security: [{ expertKey: [] }],
        body: StatsSettings,
        response: { 200: StatsSettings, ...problemResponses }
      }
    },
    async (request) => {
      if (!request.expert?.admin) throw new AppError('ADMIN_ROLE_REQUIRED', 'The response-time target is set by experts with the admin role')
      await fastify.stats.setTargetMinutes(request.body.targetMinutes, request.expert.id)
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'stats.target-set', target: { type: 'key', id: request.expert.id }, detail: { targetMinutes: request.body.targetMinutes } }
      })
      return { targetMinutes: request.body.targetMinutes }
    }
  )
}

export default stats
