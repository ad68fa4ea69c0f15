import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminCaseDetail, IdParams, problemResponses } from '@ze/contract'

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
    async (request) => fastify.caseQueue.detail(request.params.id)
  )
}

export default detail
