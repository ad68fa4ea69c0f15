import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseDetail, IdParams, problemResponses } from '@ze/contract'
import { toCaseDetail } from '../../../mapping/cases.js'

const detail: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'A case with its conversation',
        description:
          'Messages oldest first; experts’ internal notes are never included. Does not change the read state (use POST /cases/read). A case of another office is 404 CASE_NOT_FOUND.',
        security: [{ identityToken: [] }],
        params: IdParams,
        response: { 200: CaseDetail, ...problemResponses }
      }
    },
    async (request) => toCaseDetail(await fastify.cases.detail(request.identity, request.params.id), request.identity.locale)
  )
}

export default detail
