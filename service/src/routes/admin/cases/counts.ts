import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminQueueCounts, AdminQueueCountsQuery, problemResponses } from '@ze/contract'

const counts: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/counts',
    {
      schema: {
        tags: ['admin'],
        summary: 'How many cases each queue view holds (the console’s view tabs)',
        description:
          'The same filters as `GET /admin/v1/cases`: unassigned = `status=open&assignee=none`, mine = `status=open&assignee=me`, open = `status=open`, waiting = `status=answered`, resolved = `status=resolved`; optionally for one `officeId`.',
        security: [{ expertKey: [] }],
        querystring: AdminQueueCountsQuery,
        response: { 200: AdminQueueCounts, ...problemResponses }
      }
    },
    async (request) => fastify.queueOverview.counts(request.expert!.id, request.query.officeId)
  )
}

export default counts
