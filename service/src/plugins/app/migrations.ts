import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import fp from 'fastify-plugin'
import { createMigrator, MIGRATIONS, type Migrator } from '../../migrations/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    migrations: {
      migrator: Migrator
      /** True once no required migration is pending (then stays true: the code's needs were met). */
      ready(): Promise<boolean>
    }
  }
}

const LEASE_MS = 30_000
const RETRY_MS = 2000

/**
 * Versioned migrations for this instance (docs/deploy.md, "Upgrading"). With MIGRATE_ON_START the
 * instance runs what is pending once connected — only one instance at a time, by lease; the
 * others wait and take over if the runner dies. Start-up waits up to MIGRATE_START_WAIT_MS and then
 * listens anyway; `/readyz` answers 503 MIGRATION_PENDING until the migrations this code needs are done.
 */
export default fp(
  async function migrationsPlugin(fastify) {
    const { config, db: connection } = fastify
    const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
    const log = fastify.log.child({ component: 'migrations' })
    const migrator = createMigrator({
      connection,
      models: fastify.models,
      log,
      owner,
      migrations: MIGRATIONS,
      batchSize: config.migrateBatchSize,
      leaseMs: LEASE_MS
    })
    let satisfied = false
    let closing = false

    const ready = async (): Promise<boolean> => {
      if (satisfied) return true
      if (connection.readyState !== 1) return false
      try {
        satisfied = (await migrator.status()).pending.length === 0
      } catch {
        return false
      }
      return satisfied
    }
    fastify.decorate('migrations', { migrator, ready })

    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref())
    const runUntilDone = async (): Promise<void> => {
      while (!closing && !satisfied) {
        if (connection.readyState === 1) {
          try {
            const { ran, status } = await migrator.run()
            if (status.pending.length === 0) satisfied = true
            else if (!ran) log.info({ pending: status.pending }, 'another instance is migrating; waiting')
          } catch (err) {
            log.error({ err }, 'migrations failed; retrying')
          }
        }
        if (!satisfied) await pause(RETRY_MS)
      }
    }

    if (config.migrateOnStart) {
      const running = runUntilDone()
      // A connected start waits briefly, so a fresh or current database is ready at once.
      if (connection.readyState === 1) await Promise.race([running, pause(config.migrateStartWaitMs)])
    }
    fastify.addHook('preClose', async () => {
      closing = true
    })
  },
  { name: 'migrations', dependencies: ['mongoose', 'config'] }
)
