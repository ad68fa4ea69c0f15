import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

type Responses = Record<string, { description?: string; content?: Record<string, unknown> }>
type OpenApiDocument = { paths?: Record<string, unknown> }

export const PROBLEM_MEDIA_TYPE = 'application/problem+json'

/**
 * Route schemas declare errors with the contract's `Problem` schema, which Fastify lists as
 * `application/json`; the error handler serves every problem as `application/problem+json`
 * (RFC 9457). The document says what the wire carries.
 */
export function declareProblemMediaType<T extends OpenApiDocument>(document: T): T {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values((item ?? {}) as Record<string, { responses?: Responses }>)) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if (!/^[45]/.test(status) || !response.content?.['application/json']) continue
        const { 'application/json': problem, ...others } = response.content
        response.content = { [PROBLEM_MEDIA_TYPE]: problem, ...others }
      }
    }
  }
  return document
}

/** The OpenAPI document is generated from the route schemas; nothing is described twice. */
export default fp(
  async function swaggerPlugin(fastify) {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Zapytaj Eksperta API',
          version: '1.0.0',
          description:
            'End-user endpoints (/api/v1, host-signed identity token) and expert endpoints (/admin/v1, expert API key). Errors are RFC 9457 problem details with a stable `code`.'
        },
        components: {
          securitySchemes: {
            identityToken: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: 'HS256 identity token signed by the host app (README "Identity")'
            },
            expertKey: { type: 'http', scheme: 'bearer', description: 'Expert API key (zek_…) created with `npm run expert -- create`' }
          }
        },
        tags: [
          { name: 'ops', description: 'Health and readiness' },
          { name: 'identity', description: 'Who am I, what may I do' },
          { name: 'cases', description: 'Zapytaj Eksperta cases (end users)' },
          { name: 'admin', description: 'Expert endpoints' },
          { name: 'articles', description: 'Instructional articles (Markdown rendered to sanitised HTML)' },
          { name: 'forum', description: 'The host app’s community forum' },
          { name: 'suggestions', description: 'Articles and solved threads for a draft question' }
        ]
      },
      transformObject: (documentObject) =>
        'openapiObject' in documentObject ? declareProblemMediaType(documentObject.openapiObject) : documentObject.swaggerObject
    })
    await fastify.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
  },
  { name: 'swagger' }
)
