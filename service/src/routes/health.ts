import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { problem } from '../errors.js'
import { Problem } from '@ze/contract'
import { sendProblem } from '../plugins/app/error-handler.js'

const health: FastifyPluginAsync = async (fastify) => {
  fastify.get(
    '/healthz',
    { schema: { tags: ['ops'], summary: 'The process is alive', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const })
  )

  fastify.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        summary: 'The database is reachable (load balancers route traffic only to ready instances)',
        response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.Literal('up') }), 503: Problem }
      }
    },
    async (request, reply) => {
      if (await fastify.databaseReachable()) return { status: 'ready' as const, database: 'up' as const }
      return sendProblem(request, reply.header('retry-after', '5'), problem('DATABASE_UNAVAILABLE', 'The database did not answer a ping'))
    }
  )
}

export default health
