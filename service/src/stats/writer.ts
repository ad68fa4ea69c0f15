import { randomBytes } from 'node:crypto'
import type { mongo } from 'mongoose'
import { isDuplicateKey } from '../repositories/duplicate-key.js'
import { ALL_OFFICES, monthOf, monthOfficeKey, type Increment } from './counters.js'
import { STATS_ARTICLE_COLLECTION, STATS_DAY_COLLECTION } from './model.js'

interface Pending {
  kind: Increment['kind']
  id: string
  fields: Record<string, string>
  inc: Record<string, number>
}

/**
 * Sums the increments per document, each once for its office and once for all offices. Each
 * writer (`shard`: one per service process, `backfill` for the migration) has documents of its
 * own, because FerretDB 1.24 does not serialise concurrent `$inc` on one document (ADR 0002
 * measured 20 concurrent increments ending at 7); readers add the shards up.
 * Article counters are one document per month and article, with the month's total (`reads`)
 * and each day's (`reads_DD`): a year's most-read list reads 13 months, not 365 days.
 */
export function groupIncrements(increments: readonly Increment[], shard: string): Pending[] {
  const docs = new Map<string, Pending>()
  for (const increment of increments) {
    for (const officeId of [increment.officeId, ALL_OFFICES]) {
      const article = increment.kind === 'article' ? increment.articleId! : null
      const monthOffice = monthOfficeKey(monthOf(increment.day), officeId)
      const id = article ? [monthOf(increment.day), officeId, article, shard].join(':') : [increment.day, officeId, shard].join(':')
      const key = `${increment.kind}|${id}`
      const doc = docs.get(key) ?? {
        kind: increment.kind,
        id,
        fields: article
          ? { month: monthOf(increment.day), officeId, articleId: article, shard, monthOffice }
          : { day: increment.day, officeId, shard, monthOffice },
        inc: {}
      }
      const add = (field: string, n: number) => (doc.inc[field] = (doc.inc[field] ?? 0) + n)
      for (const [field, n] of Object.entries(increment.inc)) {
        add(field, n)
        if (article) add(`${field}_${increment.day.slice(8, 10)}`, n)
      }
      docs.set(key, doc)
    }
  }
  return [...docs.values()].filter((d) => Object.values(d.inc).some((n) => n !== 0))
}

export interface CounterWriter {
  readonly shard: string
  /** Adds increments; `once` (a back-fill batch id) is recorded per document and refused a second time. */
  apply(increments: readonly Increment[], once?: string): Promise<void>
}

/** Upserts of one process in flight at once: FerretDB on SQLite answers SQLITE_BUSY to many parallel writes. */
export const MAX_PARALLEL_WRITES = 4

/**
 * The only writer of its shard's documents. Writes to one document are chained, so this
 * process never has two `$inc` on one document in flight; writes to different documents run
 * in parallel, at most MAX_PARALLEL_WRITES at once. Upserts: a new day or office simply starts a document.
 */
export function createCounterWriter(db: () => mongo.Db, shard = randomBytes(6).toString('hex'), parallel = MAX_PARALLEL_WRITES): CounterWriter {
  const inFlight = new Map<string, Promise<void>>()
  let running = 0
  const waiting: Array<() => void> = []
  async function limited(work: () => Promise<void>): Promise<void> {
    // A finished write hands its slot straight to the next waiting one.
    if (running < parallel) running++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      await work()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }

  async function write(doc: Pending, once?: string): Promise<void> {
    const collection = db().collection(doc.kind === 'article' ? STATS_ARTICLE_COLLECTION : STATS_DAY_COLLECTION)
    const filter = once ? { _id: doc.id, batches: { $ne: once } } : { _id: doc.id }
    const update = { $inc: doc.inc, $setOnInsert: doc.fields, ...(once ? { $push: { batches: once } } : {}) } as mongo.UpdateFilter<mongo.Document>
    try {
      await collection.updateOne(filter as unknown as mongo.Filter<mongo.Document>, update, { upsert: true })
    } catch (err) {
      // With `once`: the document exists and already holds this batch, so the upsert tried to insert its `_id` again.
      if (!(once && isDuplicateKey(err))) throw err
    }
  }

  function serialised(doc: Pending, once?: string): Promise<void> {
    const key = `${doc.kind}|${doc.id}`
    const previous = inFlight.get(key) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(() => limited(() => write(doc, once)))
    inFlight.set(key, next)
    void next
      .catch(() => {})
      .finally(() => {
        if (inFlight.get(key) === next) inFlight.delete(key)
      })
    return next
  }

  return {
    shard,
    async apply(increments, once) {
      await Promise.all(groupIncrements(increments, shard).map((doc) => serialised(doc, once)))
    }
  }
}
