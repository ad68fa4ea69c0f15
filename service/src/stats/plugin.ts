import fp from 'fastify-plugin'
import { statsListener } from './listener.js'
import { createStatsReports, type StatsReports } from './report.js'
import { createCounterWriter } from './writer.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Statistics reports from the per-day counters (GET /admin/v1/stats). */
    stats: StatsReports
  }
}

/** Counts every recorded activity into the per-day statistics; registered with the other listeners. */
export default fp(
  async function statsPlugin(fastify) {
    fastify.decorate('stats', createStatsReports(fastify.models))
    fastify.activity.use(
      'stats',
      statsListener(
        createCounterWriter(() => {
          // The connection's database exists once connected; a write before that fails like any other write.
          if (!fastify.db.db) throw new Error('the database is not connected')
          return fastify.db.db
        })
      )
    )
  },
  { name: 'stats', dependencies: ['events', 'repositories'] }
)
