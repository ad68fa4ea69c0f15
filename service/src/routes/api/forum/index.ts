import type { FastifyPluginAsync } from 'fastify'
import threads from './threads.js'
import posting from './posting.js'
import reports from './reports.js'

/** /api/v1/forum — the host app's community forum: every authenticated user may read and post (R12). */
const forum: FastifyPluginAsync = async (fastify) => {
  await fastify.register(threads)
  await fastify.register(posting)
  await fastify.register(reports)
}

export default forum
