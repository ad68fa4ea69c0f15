import type { mongo } from 'mongoose'
import { BACKLOG_DAY, monthOf, monthOfficeKey } from '../../stats/counters.js'
import { STATS_ARTICLE_COLLECTION, STATS_DAY_COLLECTION, STATS_MONTH_COLLECTION } from '../../stats/model.js'
import { addDayToMonth, readsField, yearOfficeKey } from '../../stats/months.js'
import type { Migration } from '../types.js'

type Counter = { _id: string; day?: string; month?: string; officeId: string; shard: string; articleId?: string } & Record<string, unknown>
const UNROLLED = { months: { $exists: false } }

/** The numeric fields of a counter document: its counters. */
const countersOf = (doc: Counter): Record<string, number> =>
  Object.fromEntries(Object.entries(doc).filter((e): e is [string, number] => typeof e[1] === 'number'))

/**
 * Reports read whole months from month roll-ups (`stats_monthly`, ADR 0145); the counters written
 * before them (the back-fill of 0004, live counts of earlier releases) get theirs. A month
 * document of a shard is rebuilt from ALL that shard's day and article documents of the month
 * and office, and written whole (`replaceOne`), so a rebuild repeated after a crash gives the
 * same document: resumable and never counted twice. The documents are then marked `months: true`.
 * Only shards without the mark are rebuilt: the writer of this release marks its documents as
 * it creates them and increments its month documents itself, and its shards are new random ids,
 * so no shard is both rebuilt here and incremented live. The back-fill shard is written without
 * month documents (0004 runs before this) and is rebuilt here like an old release's shard.
 * Article reads were kept per month and article (`stats_article_monthly`, no longer written);
 * they become fields of day documents, as this release counts them.
 */
export const statsMonthRollups: Migration = {
  id: '0008-stats-month-rollups',
  description: 'Statistics month roll-ups built from the day and article counters written before them',
  required: true,
  async up(ctx) {
    const days = ctx.db.collection<Counter>(STATS_DAY_COLLECTION)
    const articles = ctx.db.collection<Counter>(STATS_ARTICLE_COLLECTION)
    const months = ctx.db.collection<{ _id: string }>(STATS_MONTH_COLLECTION)

    async function rebuild(month: string, officeId: string, shard: string): Promise<void> {
      const filter = { monthOffice: monthOfficeKey(month, officeId), shard }
      const [dayDocs, articleDocs] = await Promise.all([days.find(filter).toArray(), articles.find(filter).toArray()])
      const counters: Record<string, number> = {}
      for (const doc of dayDocs) addDayToMonth(doc.day!, countersOf(doc), counters)
      // Reads now live in the day documents (`reads_<articleId>`); the old per-article days become a
      // day document per day of their own shard (`<shard>/reads`), written whole like the month.
      const reads = new Map<string, Record<string, number>>()
      for (const doc of articleDocs)
        for (const [field, n] of Object.entries(countersOf(doc))) {
          const dd = /^reads_(\d\d)$/.exec(field)?.[1]
          if (!dd) continue
          const day = `${month}-${dd}`
          reads.set(day, { ...reads.get(day), [readsField(doc.articleId!)]: n })
        }
      for (const [day, inc] of reads) {
        addDayToMonth(day, inc, counters)
        const readsShard = `${shard}/reads`
        await days.replaceOne(
          { _id: [day, officeId, readsShard].join(':') },
          { day, officeId, shard: readsShard, monthOffice: monthOfficeKey(month, officeId), months: true, ...inc },
          { upsert: true }
        )
      }
      const _id = [month, officeId, shard].join(':')
      await months.replaceOne({ _id }, { month, officeId, shard, yearOffice: yearOfficeKey(month, officeId), ...counters }, { upsert: true })
      const marked = (docs: Counter[]): mongo.Filter<Counter> => ({ _id: { $in: docs.map((d) => d._id) } })
      if (dayDocs.length > 0) await days.updateMany(marked(dayDocs), { $set: { months: true } })
      if (articleDocs.length > 0) await articles.updateMany(marked(articleDocs), { $set: { months: true } })
    }

    /** Each month, office and shard a batch touches, rebuilt once per batch. */
    const rebuildAll = async (docs: Counter[]): Promise<void> => {
      const groups = new Map(docs.map((d) => [JSON.stringify([d.month ?? monthOf(d.day!), d.officeId, d.shard]), true]))
      for (const group of groups.keys()) {
        const [month, officeId, shard] = JSON.parse(group) as [string, string, string]
        await rebuild(month, officeId, shard)
      }
    }
    const fields = { _id: 1, day: 1, month: 1, officeId: 1, shard: 1 }
    await ctx.eachBatch<Counter>('days', STATS_DAY_COLLECTION, { ...UNROLLED, day: { $ne: BACKLOG_DAY } }, fields, rebuildAll)
    await ctx.eachBatch<Counter>('articles', STATS_ARTICLE_COLLECTION, UNROLLED, fields, rebuildAll)
  }
}
