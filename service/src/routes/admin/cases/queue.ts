import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminQueueQuery, AdminQueueResponse, problemResponses } from '@ze/contract'
import { toAdminQueuePage } from '../../../mapping/cases.js'

const queue: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        tags: ['admin'],
        summary: 'The case queue: waiting cases first, longest-waiting first',
        description:
          'Open cases (waiting for an expert) come first, oldest last activity first; then answered and resolved cases, newest activity first. Filters: `status`, `assignee` (`me`, `none` or an expert id), `officeId`, `appId`, `q` (case-insensitive text in the subject, or an exact case number — numbers run per office, so add `officeId` to name one case). Keyset pagination with `cursor`.',
        security: [{ expertKey: [] }],
        querystring: AdminQueueQuery,
        response: { 200: AdminQueueResponse, ...problemResponses }
      }
    },
    async (request) => toAdminQueuePage(await fastify.caseQueue.queue(request.expert!, request.query))
  )
}

export default queue
