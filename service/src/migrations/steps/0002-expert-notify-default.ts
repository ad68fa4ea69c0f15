import type { Migration } from '../types.js'

/**
 * Experts created before the notifications release (c35e23d) have no `notifyNewCases`. The
 * notifier reads that as "every new case" (it only tests for 'none', 'digest' and 'unassigned'),
 * while the documented default is 'unassigned': such experts got a mail for every case.
 */
export const expertNotifyDefault: Migration = {
  id: '0002-expert-notify-default',
  description: "Experts without notifyNewCases get the documented default 'unassigned'",
  required: true,
  async up(ctx) {
    const experts = ctx.db.collection('experts')
    await ctx.eachBatch('backfill', 'experts', { notifyNewCases: { $exists: false } }, { _id: 1 }, async (docs) => {
      await experts.updateMany({ _id: { $in: docs.map((d) => d._id) }, notifyNewCases: { $exists: false } } as object, {
        $set: { notifyNewCases: 'unassigned' }
      })
    })
  }
}
