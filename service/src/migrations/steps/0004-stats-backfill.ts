import { Types } from 'mongoose'
import type { StoredCase } from '../../models/case.js'
import { LIVE, incrementsOfStoredCase } from '../../stats/counters.js'
import { createCounterWriter } from '../../stats/writer.js'
import type { Migration } from '../types.js'

export const BACKFILL_SHARD = 'backfill'
const BATCHES = 'stats_backfill'

/**
 * Counts the cases stored before the statistics into the per-day counters (ADR 0145), exactly
 * once however often it is interrupted:
 *   1. `assign`: each batch of uncounted cases gets an id, recorded first in `stats_backfill`
 *      and then on the cases (`statsBatch`);
 *   2. `count`: per recorded batch, its cases' increments are written as the `backfill` shard,
 *      each counter document remembering the batch id (a repeated batch adds nothing), then
 *      its cases become `live` and the batch is done.
 * The live listener counts only `live` cases, so no case is counted twice; a change made to a
 * case in the moment between its batch being read and marked is not counted.
 */
export const statsBackfill: Migration = {
  id: '0004-stats-backfill',
  description: 'Count existing cases into the per-day statistics (opened, first response, resolution, rating, backlog)',
  // Statistics are not needed to serve: instances become ready while this runs.
  required: false,
  async up(ctx) {
    const cases = ctx.db.collection('cases')
    const batches = ctx.db.collection<{ _id: string; done: boolean }>(BATCHES)
    // Day and article counters only: migration 0008 (which runs after this) rolls them up into months.
    const writer = createCounterWriter(() => ctx.db, BACKFILL_SHARD, { months: false })

    await ctx.eachBatch<{ _id: Types.ObjectId }>('assign', 'cases', { statsBatch: null }, { _id: 1 }, async (docs) => {
      const batch = new Types.ObjectId().toHexString()
      await batches.insertOne({ _id: batch, done: false })
      await cases.updateMany({ _id: { $in: docs.map((d) => d._id) }, statsBatch: null }, { $set: { statsBatch: batch } })
    })

    await ctx.eachBatch<{ _id: string }>('count', BATCHES, { done: false }, { _id: 1 }, async (docs) => {
      for (const { _id: batch } of docs) {
        const members = (await cases.find({ statsBatch: batch }).toArray()) as unknown as StoredCase[]
        await writer.apply(members.flatMap(incrementsOfStoredCase), batch)
        await cases.updateMany({ statsBatch: batch }, { $set: { statsBatch: LIVE } })
        await batches.updateOne({ _id: batch }, { $set: { done: true } })
      }
    })
  }
}
