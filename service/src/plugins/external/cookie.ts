import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'

/** Cookie parsing for the experts' console session (no signing: the value is a random secret checked against the database). */
export default fp(
  async function cookiePlugin(fastify) {
    await fastify.register(cookie, { hook: 'onRequest' })
  },
  { name: 'cookie' }
)
