import type { Migration } from '../types.js'

/**
 * Cases written before the notifications and rating releases lack `chiefEmail`, `chiefLocale` and
 * `rating`. Lean reads skip mongoose defaults, so every reader had to guess; after this every case
 * carries the fields (null e-mail: the chief is mailed only after their next write with an e-mail
 * claim, which is what the code did for such cases anyway).
 */
export const caseNotificationFields: Migration = {
  id: '0003-case-notification-fields',
  description: 'Cases without chiefLocale/chiefEmail/rating get the defaults (pl, null, null)',
  required: true,
  async up(ctx) {
    const cases = ctx.db.collection('cases')
    type Old = { _id: unknown; chiefEmail?: unknown; rating?: unknown }
    await ctx.eachBatch<Old>('backfill', 'cases', { chiefLocale: { $exists: false } }, { _id: 1, chiefEmail: 1, rating: 1 }, async (docs) => {
      // One updateMany per combination of missing fields (FerretDB is far faster at that than at
      // one update statement per document); the filter repeats the check, so a rerun is a no-op.
      const groups = new Map<string, unknown[]>()
      for (const doc of docs) {
        const key = `${doc.chiefEmail === undefined ? 'e' : ''}${doc.rating === undefined ? 'r' : ''}`
        groups.set(key, [...(groups.get(key) ?? []), doc._id])
      }
      for (const [key, ids] of groups) {
        const set = { chiefLocale: 'pl', ...(key.includes('e') ? { chiefEmail: null } : {}), ...(key.includes('r') ? { rating: null } : {}) }
        await cases.updateMany({ _id: { $in: ids }, chiefLocale: { $exists: false } } as object, { $set: set })
      }
    })
  }
}
