import type { FastifyInstance } from 'fastify'
import { createMigrator, MIGRATIONS, type StepProgress } from '../../src/migrations/index.js'

export type AfterBatch = (migration: string, step: string, progress: StepProgress) => void | Promise<void>

/** A migration runner on a test app's database, as another instance (`owner`) would run it; `afterBatch` can simulate a crash. */
export const testMigrator = (app: FastifyInstance, owner: string, batchSize: number, afterBatch?: AfterBatch) =>
  createMigrator({
    connection: app.db,
    models: app.models,
    log: app.log,
    owner,
    migrations: MIGRATIONS,
    batchSize,
    leaseMs: 5000,
    ...(afterBatch ? { afterBatch } : {})
  })
