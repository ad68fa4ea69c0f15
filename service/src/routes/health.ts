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
        summary: 'The database is reachable and migrated for this version (load balancers route traffic only to ready instances)',
        response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.Literal('up') }), 503: Problem }
      }
    },
    async (request, reply) => {
      if (!(await fastify.databaseReachable()))
        return sendProblem(request, reply.header('retry-after', '5'), problem('DATABASE_UNAVAILABLE', 'The database did not answer a ping'))
      if (!(await fastify.migrations.ready())) {
        const { pending } = await fastify.migrations.migrator.status().catch(() => ({ pending: [] as string[] }))
        return sendProblem(
          request,
          reply.header('retry-after', '5'),
          problem('MIGRATION_PENDING', 'Run npm run migrate (or start an instance with MIGRATE_ON_START)', { pending })
        )
      }
      return { status: 'ready' as const, database: 'up' as const }
    }
  )
}

export default health
