import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminCaseDetail, IdParams, problemResponses } from '@ze/contract'
import { toAdminCaseDetail } from '../../../mapping/cases.js'

const detail: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'A case with its whole conversation, internal notes included',
        security: [{ expertKey: [] }],
        params: IdParams,
        response: { 200: AdminCaseDetail, ...problemResponses }
      }
    },
    async (request) => {
      const found = toAdminCaseDetail(await fastify.caseQueue.detail(request.params.id))
      // The seed promises data-security specialists: every expert opening a case is on record.
      await fastify.activity.record({
        type: 'audit',
        audit: {
          action: 'case.viewed',
          target: { type: 'case', id: found.case.id },
          caseId: found.case.id,
          appId: found.case.appId,
          officeId: found.case.office.id
        }
      })
      return found
    }
  )
}

export default detail
