import { createHash } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Connection, mongo } from 'mongoose'
import type { Models } from '../models/index.js'
import { dropRetiredIndexes, RETIRED } from '../models/retired-indexes.js'
import { createLease } from '../notifications/lease.js'
import type { Migration, MigrationContext, StepProgress } from './types.js'

export const MIGRATIONS_COLLECTION = 'migrations'
/** The record of the index step; its `hash` names the index definitions it created. */
const INDEXES_ID = 'indexes'

interface Record {
  _id: string
  state: 'running' | 'done'
  description?: string
  owner?: string
  attempts?: number
  startedAt?: Date
  finishedAt?: Date
  steps?: { [step: string]: StepProgress }
  hash?: string
}

export interface MigrationStatus {
  /** Required migrations (and the index step, when the definitions changed) not done yet. */
  pending: string[]
  /** Migrations started and not finished: a run was interrupted (or is running now). */
  interrupted: string[]
  done: string[]
}

export interface MigratorOptions {
  connection: Connection
  models: Models
  log: FastifyBaseLogger
  owner: string
  migrations: readonly Migration[]
  batchSize: number
  leaseMs: number
  /** Called after every saved batch (progress logging; tests use it to simulate a crash). */
  afterBatch?: (migration: string, step: string, progress: StepProgress) => void | Promise<void>
}

/** A digest of every model's index definitions and the retired ones: when it changes, the index step runs again. */
export function indexDefinitionsHash(models: Models): string {
  const definitions = Object.values(models)
    .map((model) => [model.collection.collectionName, model.schema.indexes()])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
  return createHash('sha256')
    .update(JSON.stringify([definitions, RETIRED]))
    .digest('hex')
    .slice(0, 16)
}

/** Creates every model's indexes (idempotent: existing ones are left alone). */
export async function createModelIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes()
}

/**
 * Runs the ordered migrations, then the index step, under the `migrations` lease so only one
 * instance (or `npm run migrate`) works at a time. Each migration is recorded in the `migrations`
 * collection: `running` with per-step progress while it works, `done` after. FerretDB has no
 * transactions, so a migration is made safe to repeat instead: its batches select only documents
 * still needing the change, and a crashed run simply runs again from its saved progress.
 */
export function createMigrator(opts: MigratorOptions) {
  const { connection, models, log, migrations } = opts
  const db = (): mongo.Db => {
    if (!connection.db) throw new Error('the database is not connected')
    return connection.db
  }
  const records = () => db().collection<Record>(MIGRATIONS_COLLECTION)
  const hash = indexDefinitionsHash(models)

  async function status(): Promise<MigrationStatus> {
    const stored = new Map((await records().find({}).toArray()).map((r) => [r._id, r]))
    const done = migrations.filter((m) => stored.get(m.id)?.state === 'done').map((m) => m.id)
    const pending = migrations.filter((m) => m.required && stored.get(m.id)?.state !== 'done').map((m) => m.id)
    if (stored.get(INDEXES_ID)?.hash !== hash) pending.push(INDEXES_ID)
    const interrupted = migrations.filter((m) => stored.get(m.id)?.state === 'running').map((m) => m.id)
    return { pending, interrupted, done }
  }

  async function runOne(migration: Migration, lost: () => boolean): Promise<void> {
    const previous = await records().findOne({ _id: migration.id })
    if (previous?.state === 'done') return
    const steps: { [step: string]: StepProgress } = { ...previous?.steps }
    if (previous) log.warn({ migration: migration.id, steps }, 'resuming an interrupted migration')
    await records().updateOne(
      { _id: migration.id },
      {
        $set: { state: 'running', description: migration.description, owner: opts.owner, startedAt: previous?.startedAt ?? new Date(), steps },
        $inc: { attempts: 1 }
      },
      { upsert: true }
    )
    const started = Date.now()
    const context: MigrationContext = {
      db: db(),
      models,
      log: log.child({ migration: migration.id }),
      batchSize: opts.batchSize,
      async eachBatch(step, collection, filter, projection, work) {
        const progress: StepProgress = steps[step] ?? { processed: 0, batches: 0, done: false }
        if (progress.done) return progress
        // No sort: FerretDB never pushes one down and would sort the whole collection in its memory.
        const cursor = db().collection(collection).find(filter, { projection, batchSize: opts.batchSize })
        try {
          let batch: Array<{ _id: unknown }> = []
          const flush = async (): Promise<void> => {
            if (lost()) throw new Error('the migrations lease was lost; another runner may have taken over')
            await work(batch as never)
            progress.processed += batch.length
            progress.batches += 1
            batch = []
            steps[step] = progress
            await records().updateOne({ _id: migration.id }, { $set: { [`steps.${step}`]: progress } })
            await opts.afterBatch?.(migration.id, step, { ...progress })
          }
          for await (const doc of cursor) {
            batch.push(doc as { _id: unknown })
            if (batch.length >= opts.batchSize) await flush()
          }
          if (batch.length > 0) await flush()
        } finally {
          await cursor.close().catch(() => {})
        }
        progress.done = true
        steps[step] = progress
        await records().updateOne({ _id: migration.id }, { $set: { [`steps.${step}`]: progress } })
        return progress
      }
    }
    await migration.up(context)
    await records().updateOne({ _id: migration.id }, { $set: { state: 'done', finishedAt: new Date() } })
    log.info({ migration: migration.id, ms: Date.now() - started, steps }, 'migration done')
  }

  async function syncIndexes(): Promise<void> {
    const stored = await records().findOne({ _id: INDEXES_ID })
    if (stored?.hash !== hash) {
      const started = Date.now()
      await createModelIndexes(models)
      await records().updateOne({ _id: INDEXES_ID }, { $set: { state: 'done', hash, finishedAt: new Date(), owner: opts.owner } }, { upsert: true })
      log.info({ hash, ms: Date.now() - started }, 'indexes created')
    }
    // Every run, not only on a new hash: a handful of listIndexes calls, and a retired unique index
    // restored by hand (or a restore of an old backup) must not go on refusing valid data.
    const dropped = await dropRetiredIndexes(connection)
    if (dropped.length > 0) log.info({ dropped }, 'retired indexes dropped')
  }

  return {
    status,

    /**
     * Runs what is pending when this runner gets the lease; `ran: false` when another holds it
     * (then call again later, or wait for `status()` to show nothing pending).
     */
    async run(): Promise<{ ran: boolean; status: MigrationStatus }> {
      const lease = createLease(models, 'migrations', opts.owner, opts.leaseMs)
      if (!(await lease.acquire())) return { ran: false, status: await status() }
      let lost = false
      let renewing = false
      // Renewed on a timer, not per batch: an index build or a slow batch must not let it lapse.
      const renew = setInterval(
        () => {
          if (renewing) return
          renewing = true
          lease
            .acquire()
            .then((held) => {
              if (!held) lost = true
            })
            .catch(() => {})
            .finally(() => {
              renewing = false
            })
        },
        Math.max(200, Math.floor(opts.leaseMs / 3))
      )
      try {
        for (const migration of migrations) await runOne(migration, () => lost || !lease.holds())
        await syncIndexes()
      } finally {
        clearInterval(renew)
        await lease.release().catch(() => {})
      }
      return { ran: true, status: await status() }
    }
  }
}

export type Migrator = ReturnType<typeof createMigrator>
