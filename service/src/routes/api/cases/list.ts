import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseListQuery, CaseListResponse, problemResponses, type Locale } from '@ze/contract'
import { toCasePage } from '../../../mapping/cases.js'
import type { CasePage } from '../../../repositories/cases.js'

/**
 * A page served from the list cache (docs/adr/0101-cached-list-pages.md) is the same object on
 * every hit: it is mapped and serialised (by this route's response schema) once per locale.
 */
const rendered = new WeakMap<CasePage, Map<Locale, string>>()

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
    async (request, reply) => {
      const page = await fastify.cases.list(request.identity, request.query)
      const { locale } = request.identity
      let byLocale = rendered.get(page)
      if (!byLocale) rendered.set(page, (byLocale = new Map()))
      let body = byLocale.get(locale)
      if (body === undefined) byLocale.set(locale, (body = String(reply.serialize(toCasePage(page, locale)))))
      // Already serialised: Fastify sends a string with a JSON content type as it is.
      return reply.type('application/json; charset=utf-8').send(body as never)
    }
  )
}

export default list
