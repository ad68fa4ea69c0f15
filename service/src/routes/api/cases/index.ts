import type { FastifyPluginAsync } from 'fastify'
import { assertOfficeChief } from '../../../domain/case-rules.js'
import list from './list.js'
import create from './create.js'
import detail from './detail.js'
import reply from './reply.js'
import bulk from './bulk.js'
import rating from './rating.js'

/**
 * /api/v1/cases — the chief's correspondence with experts ("Moje pytania"). Every route is
 * for the office chief only: employees and client users get 403 ONLY_OFFICE_CHIEF, also
 * for reading. The hook runs after the subtree's identity check and before body parsing,
 * so nothing a non-chief sends is stored.
 */
const cases: FastifyPluginAsync = async (fastify) => {
  fastify.addHook('onRequest', async (request) => assertOfficeChief(request.identity))
  await fastify.register(list)
  await fastify.register(create)
  await fastify.register(bulk)
  await fastify.register(detail)
  await fastify.register(reply)
  await fastify.register(rating)
}

export default cases
