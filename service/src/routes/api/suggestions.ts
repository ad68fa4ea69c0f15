import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SuggestionsQuery, SuggestionsResponse, problemResponses } from '@ze/contract'
import { suggestLimit } from '../../plugins/app/rate-limit.js'

/** /api/v1/suggestions — deflection: articles and solved threads for a draft question. */
const suggestions: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/suggestions',
    {
      config: { rateLimit: suggestLimit(fastify.config) },
      schema: {
        tags: ['suggestions'],
        summary: 'Up to 5 articles and solved forum threads matching a draft question',
        description:
          'Rate-limited per user (429 RATE_LIMITED with Retry-After). Only the first 12 content words count; the answer holds what was found within the time budget.',
        security: [{ identityToken: [] }],
        querystring: SuggestionsQuery,
        response: { 200: SuggestionsResponse, ...problemResponses }
      }
    },
    async (request) => ({ items: await fastify.suggestions.suggest(request.tenant.appId, request.query.q) })
  )
}

export default suggestions
