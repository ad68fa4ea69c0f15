import fp from 'fastify-plugin'
import mongoose, { type Connection } from 'mongoose'
import { registerModels, type Models } from '../../models/index.js'
import { isFerretDB, tuneFerretDBPostgres } from '../../db-tuning/ferretdb-postgresql.js'
import { tuneFerretDBSqlite } from '../../db-tuning/ferretdb-sqlite.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Connection
    models: Models
    /** True when a ping to the database succeeds now. */
    databaseReachable(): Promise<boolean>
  }
}

const MAX_BACKOFF_MS = 10_000

/**
 * One mongoose connection per app instance. The process never crashes when the database
 * is down: the first connection is retried with exponential backoff in the background,
 * later outages are handled by the driver, and every operation is bounded by
 * `dbTimeoutMs` (no buffering) so requests fail fast with 503 instead of hanging. Indexes are
 * created by the migrations runner (plugins/app/migrations.ts), not here.
 */
export default fp(
  async function mongoosePlugin(fastify) {
    const { mongodbUri, dbTimeoutMs, ferretdbPostgresqlUrl, ferretdbSqliteUrl } = fastify.config
    const connection = mongoose.createConnection()
    connection.set('bufferCommands', false)
    const models = registerModels(connection)
    fastify.decorate('db', connection)
    fastify.decorate('models', models)

    let closing = false
    let prepared: Promise<void> | null = null
    /**
     * The tuning of the backend under FerretDB (PostgreSQL or SQLite) when the service may reach
     * it (idempotent). Never fails the connection: hot reads only get slower without it.
     */
    const tuneDatabase = (): Promise<void> => {
      prepared ??= Promise.resolve()
        .then(async () => {
          const backend = ferretdbPostgresqlUrl ? 'PostgreSQL' : ferretdbSqliteUrl ? 'SQLite' : null
          if (!backend || !connection.db) return
          if (!(await isFerretDB(connection.db)))
            return void fastify.log.warn(`FERRETDB_${backend.toUpperCase()}_URL is set but the database is not FerretDB; no tuning applied`)
          const { created } = ferretdbPostgresqlUrl
            ? await tuneFerretDBPostgres(ferretdbPostgresqlUrl, connection.db)
            : await tuneFerretDBSqlite(ferretdbSqliteUrl!, connection.db)
          if (created.length) fastify.log.info({ created }, `FerretDB ${backend} tuning applied`)
        })
        .catch((err: unknown) => {
          prepared = null
          fastify.log.warn({ err }, 'the FerretDB tuning failed; will retry on next connect')
        })
      return prepared
    }

    const connectOnce = (): Promise<unknown> =>
      connection.openUri(mongodbUri, {
        serverSelectionTimeoutMS: dbTimeoutMs,
        connectTimeoutMS: dbTimeoutMs,
        socketTimeoutMS: Math.max(dbTimeoutMs * 6, 30_000),
        heartbeatFrequencyMS: 2000,
        maxPoolSize: 50,
        // Command events feed the database latency histogram (plugins/app/metrics.ts).
        monitorCommands: true
      })

    const connectWithBackoff = async (): Promise<void> => {
      for (let attempt = 0; !closing; attempt++) {
        try {
          await connectOnce()
          await tuneDatabase()
          fastify.log.info('database connected')
          return
        } catch (err) {
          const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt)
          fastify.log.warn({ err: (err as Error).message, retryInMs: delay }, 'database connection failed')
          await new Promise((r) => setTimeout(r, delay).unref())
        }
      }
    }

    connection.on('error', (err: Error) => fastify.log.warn({ err: err.message }, 'database error'))
    connection.on('reconnected', () => void tuneDatabase())

    // Wait briefly so a healthy start is ready at once, but never block start-up on an outage.
    const firstAttempt = connectWithBackoff()
    await Promise.race([firstAttempt, new Promise((r) => setTimeout(r, dbTimeoutMs).unref())])

    fastify.decorate('databaseReachable', async () => {
      if (connection.readyState !== 1 || !connection.db) return false
      try {
        await connection.db.admin().command({ ping: 1 }, { timeoutMS: dbTimeoutMs } as object)
        return true
      } catch {
        return false
      }
    })

    fastify.addHook('onClose', async () => {
      closing = true
      await connection.close(true).catch(() => {})
    })
  },
  { name: 'mongoose', dependencies: ['config'] }
)
