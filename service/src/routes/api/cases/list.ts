import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseListQuery, CaseListResponse, problemResponses } from '@ze/contract'
import { toCasePage } from '../../../mapping/cases.js'

const list: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        tags: ['cases'],
        summary: 'Moje pytania: the office’s cases, newest activity first',
        description:
          'Every case of the chief’s office (office and client account contexts, labelled). Keyset pagination: pass `nextCursor` back as `cursor`; new cases never shift later pages. Office chief only (403 ONLY_OFFICE_CHIEF).',
        security: [{ identityToken: [] }],
        querystring: CaseListQuery,
        response: { 200: CaseListResponse, ...problemResponses }
      }
    },
    async (request) => toCasePage(await fastify.cases.list(request.identity, request.query), request.identity.locale)
  )
}

export default list
