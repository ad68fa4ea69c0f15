import type { FastifyPluginAsync } from 'fastify'
import me from './me.js'

/** /admin/v1 — experts. One hook guards the whole subtree with the expert API key. */
const admin: FastifyPluginAsync = async (fastify) => {
  fastify.addHook('onRequest', async (request) => {
    await fastify.authenticateExpert(request)
  })
  await fastify.register(me)
}

export default admin
