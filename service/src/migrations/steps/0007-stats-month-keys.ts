import { monthOf, monthOfficeKey } from '../../stats/counters.js'
import { STATS_DAY_COLLECTION } from '../../stats/model.js'
import type { Migration } from '../types.js'

/**
 * Reports read the day counters by `monthOffice` (13 queries for a year instead of 365, ADR 0145);
 * counter documents written before that field existed (the back-fill of 0004, live counts) get it.
 * Article counters need nothing: reads were not recorded before they moved to monthly documents.
 */
export const statsMonthKeys: Migration = {
  id: '0007-stats-month-keys',
  description: 'Statistics day counters get monthOffice, the key reports read them by',
  required: true,
  async up(ctx) {
    const days = ctx.db.collection<{ _id: string; day: string; officeId: string }>(STATS_DAY_COLLECTION)
    await ctx.eachBatch<{ _id: string; day: string; officeId: string }>(
      'month-keys',
      STATS_DAY_COLLECTION,
      { monthOffice: { $exists: false } },
      { _id: 1, day: 1, officeId: 1 },
      async (docs) => {
        for (const doc of docs) await days.updateOne({ _id: doc._id }, { $set: { monthOffice: monthOfficeKey(monthOf(doc.day), doc.officeId) } })
      }
    )
  }
}
