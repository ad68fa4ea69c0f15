import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { problemResponses } from '../../schemas/common.js'
import { suggestLimit } from '../../plugins/external/rate-limit.js'

const SuggestionsQuery = Type.Object(
  { q: Type.String({ maxLength: 2000, description: 'The draft question as typed so far', examples: ['jak załączyć plik'] }) },
  { additionalProperties: false }
)

const SuggestionsResponse = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('article'), Type.Literal('thread')]),
        id: Type.String(),
        slug: Type.Optional(Type.String({ description: 'Articles only: open with GET /api/v1/articles/:slug' })),
        title: Type.String(),
        excerpt: Type.String({ description: 'Plain text' })
      }),
      { maxItems: 5, description: 'Best first' }
    )
  },
  {
    examples: [
      {
        items: [
          { kind: 'article', id: '665f1c2e9b1e8a3d4c5b6a80', slug: 'jak-zalaczyc-plik-do-sprawy', title: 'Jak załączyć plik do sprawy', excerpt: 'Do pytania możesz dołączyć zrzuty ekranu…' },
          { kind: 'thread', id: '665f1c2e9b1e8a3d4c5b6a90', title: 'Nie mogę dodać załącznika PDF', excerpt: 'Przy dodawaniu pliku pojawia się błąd…' }
        ]
      }
    ]
  }
)

/** /api/v1/suggestions — deflection: articles and solved threads for a draft question. */
const suggestions: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/suggestions',
    {
      config: { rateLimit: suggestLimit(fastify.config) },
      schema: {
        tags: ['suggestions'],
        summary: 'Up to 5 articles and solved forum threads matching a draft question',
        description: 'Rate-limited per user (429 RATE_LIMITED with Retry-After). Only the first 12 content words count; the answer holds what was found within the time budget.',
        security: [{ identityToken: [] }],
        querystring: SuggestionsQuery,
        response: { 200: SuggestionsResponse, ...problemResponses }
      }
    },
    async (request) => ({ items: await fastify.suggestions.suggest(request.identity!.appId, request.query.q) })
  )
}

export default suggestions
