import type { FastifyPluginAsync } from 'fastify'
import me from './me.js'
import cases from './cases/index.js'
import attachments from './attachments.js'
import articles from './articles.js'
import forum from './forum.js'
import notifications from './notifications.js'
import events from './events.js'

/** /admin/v1 — experts. One hook guards the whole subtree with the expert API key. */
const admin: FastifyPluginAsync = async (fastify) => {
  fastify.addHook('onRequest', async (request) => {
    await fastify.authenticateExpert(request)
  })
  await fastify.register(me)
  await fastify.register(cases, { prefix: '/cases' })
  await fastify.register(attachments)
  await fastify.register(articles, { prefix: '/articles' })
  await fastify.register(forum, { prefix: '/forum' })
  await fastify.register(notifications)
  await fastify.register(events)
}

export default admin
