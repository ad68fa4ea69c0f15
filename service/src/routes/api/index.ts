import type { FastifyPluginAsync } from 'fastify'
import me from './me.js'
import cases from './cases/index.js'
import attachments from './attachments.js'
import articles from './articles.js'
import forum from './forum/index.js'
import suggestions from './suggestions.js'
import events from './events.js'

/**
 * /api/v1 — end users of host apps. The hook below protects the whole subtree, so no
 * single route can forget to verify the identity token.
 */
const api: FastifyPluginAsync = async (fastify) => {
  fastify.addHook('onRequest', async (request) => {
    await fastify.authenticateUser(request)
  })
  await fastify.register(me)
  await fastify.register(cases, { prefix: '/cases' })
  await fastify.register(attachments)
  await fastify.register(articles, { prefix: '/articles' })
  await fastify.register(forum, { prefix: '/forum' })
  await fastify.register(suggestions)
  await fastify.register(events)
}

export default api
