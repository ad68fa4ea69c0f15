import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseRatingBody, CaseResponse, IdParams, problemResponses } from '@ze/contract'
import { toCaseSummary } from '../../../mapping/cases.js'

const rating: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/:id/rating',
    {
      schema: {
        tags: ['cases'],
        summary: 'Czy odpowiedź eksperta pomogła? Rate the experts’ answer (1–5, optional comment)',
        description:
          'Allowed once an expert has answered publicly (409 CONFLICT before that); rating again replaces the earlier rating. Office chief only; a case of another office is 404 CASE_NOT_FOUND. Experts see the rating in GET /admin/v1/cases/:id.',
        security: [{ identityToken: [] }],
        params: IdParams,
        body: CaseRatingBody,
        response: { 200: CaseResponse, ...problemResponses }
      }
    },
    async (request) => {
      const rated = toCaseSummary(await fastify.cases.rate(request.identity, request.params.id, request.body), request.identity.locale)
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'case.rated', target: { type: 'case', id: rated.id }, caseId: rated.id, detail: { score: request.body.score } }
      })
      return { case: rated }
    }
  )
}

export default rating
