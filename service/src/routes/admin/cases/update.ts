import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminCasePatch, AdminCaseResponse, IdParams, problemResponses } from '@ze/contract'
import { toAdminCaseOf } from '../../../mapping/cases.js'

const update: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.patch(
    '/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Set the status and/or the assignee of a case',
        description:
          '`status`: open, answered or resolved. `assignee`: an active expert’s id (404 EXPERT_NOT_FOUND otherwise) or null. Marks the case handled for experts; the chief’s unread state and last activity do not change.',
        security: [{ expertKey: [] }],
        params: IdParams,
        body: AdminCasePatch,
        response: { 200: AdminCaseResponse, ...problemResponses }
      }
    },
    async (request) => ({ case: toAdminCaseOf(await fastify.caseQueue.patch(request.expert!, request.params.id, request.body)) })
  )
}

export default update
