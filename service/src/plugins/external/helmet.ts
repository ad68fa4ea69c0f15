import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'

export default fp(
  async function helmetPlugin(fastify) {
    await fastify.register(helmet, {
      // The widget script and its chunks are loaded by other origins' pages.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          frameAncestors: ["'none'"]
        }
      }
    })
  },
  { name: 'helmet' }
)
