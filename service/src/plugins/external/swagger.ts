import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

/** The OpenAPI document is generated from the route schemas; nothing is described twice. */
export default fp(
  async function swaggerPlugin(fastify) {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Zapytaj Eksperta API',
          version: '1.0.0',
          description: 'End-user endpoints (/api/v1, host-signed identity token) and expert endpoints (/admin/v1, expert API key). Errors are RFC 9457 problem details with a stable `code`.'
        },
        components: {
          securitySchemes: {
            identityToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256 identity token signed by the host app (README "Identity")' },
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
      }
    })
    await fastify.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
  },
  { name: 'swagger' }
)
