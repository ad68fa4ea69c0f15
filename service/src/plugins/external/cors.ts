import fp from 'fastify-plugin'
import cors from '@fastify/cors'

/**
 * The API answers only the origins that some registered app allows; the public widget
 * files may be loaded by anyone (they hold no data).
 */
export default fp(
  async function corsPlugin(fastify) {
    await fastify.register(cors, {
      delegator: (request, callback) => {
        const url = request.url ?? ''
        if (url === '/widget.js' || url.startsWith('/widget-assets/')) {
          // Not strict: a malformed preflight gets the public CORS answer, not a text/plain 400.
          callback(null, { origin: '*', methods: ['GET', 'HEAD'], strictPreflight: false })
          return
        }
        const origin = request.headers.origin
        if (!origin) {
          callback(null, { origin: false })
          return
        }
        fastify.apps.isOriginAllowed(origin).then(
          (allowed) =>
            callback(null, {
              origin: allowed ? origin : false,
              methods: ['GET', 'POST', 'PATCH', 'DELETE'],
              allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
              exposedHeaders: ['Retry-After', 'X-Request-Id', 'Content-Disposition'],
              maxAge: 600
            }),
          // Database down: answer without CORS headers rather than failing the request.
          () => callback(null, { origin: false })
        )
      }
    })
  },
  { name: 'cors', dependencies: ['repositories'] }
)
