import type { FastifyBaseLogger } from 'fastify'
import type { mongo } from 'mongoose'
import type { Models } from '../models/index.js'

/** How far one step of a migration got; saved after every batch so a crashed run resumes. */
export interface StepProgress {
  processed: number
  batches: number
  done: boolean
}

export interface MigrationContext {
  /** The driver's database: migrations use raw collections, because models change after a migration is written. */
  db: mongo.Db
  /** Only for index creation: the models of the code that runs the migration. */
  models: Models
  log: FastifyBaseLogger
  batchSize: number
  /**
   * Visits the documents of `collection` matching `filter` in batches of `batchSize` (one cursor,
   * so memory stays flat whatever the collection's size) and calls `work` for each batch. The
   * filter must match only documents that still need the work: then a run interrupted after any
   * batch resumes where it stopped (done documents no longer match) and a second run is a no-op.
   * Progress is saved under `step` after each batch; a finished step is skipped on resume.
   */
  eachBatch<T extends { _id: unknown }>(
    step: string,
    collection: string,
    filter: mongo.Filter<mongo.Document>,
    projection: mongo.Document,
    work: (docs: T[]) => Promise<void>
  ): Promise<StepProgress>
}

export interface Migration {
  /** Sort key and identity: `NNNN-what-it-does`, never renamed once released. */
  id: string
  description: string
  /**
   * Instances running code that needs it report not-ready (`/readyz` 503) until it is done, so a
   * load balancer keeps sending traffic to instances of the previous release meanwhile.
   */
  required: boolean
  up(ctx: MigrationContext): Promise<void>
}
