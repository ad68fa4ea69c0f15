import type { FastifyPluginAsync } from 'fastify'
import me from './me.js'

/**
 * /api/v1 — end users of host apps. The hook below protects the whole subtree, so no
 * single route can forget to verify the identity token.
 */
const api: FastifyPluginAsync = async (fastify) => {
  fastify.addHook('onRequest', async (request) => {
    await fastify.authenticateUser(request)
  })
  await fastify.register(me)
}

export default api
