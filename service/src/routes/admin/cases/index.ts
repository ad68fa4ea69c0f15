import type { FastifyPluginAsync } from 'fastify'
import queue from './queue.js'
import counts from './counts.js'
import detail from './detail.js'
import reply from './reply.js'
import update from './update.js'
import presence from './presence.js'

/** /admin/v1/cases — the experts' queue; the parent hook has verified the expert key. */
const cases: FastifyPluginAsync = async (fastify) => {
  await fastify.register(queue)
  await fastify.register(counts)
  await fastify.register(detail)
  await fastify.register(reply)
  await fastify.register(update)
  await fastify.register(presence)
}

export default cases
