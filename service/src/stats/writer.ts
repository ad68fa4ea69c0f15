import { randomBytes } from 'node:crypto'
import type { mongo } from 'mongoose'
import { isDuplicateKey } from '../repositories/duplicate-key.js'
import { ALL_OFFICES, BACKLOG_DAY, monthOf, monthOfficeKey, type Increment } from './counters.js'
import { STATS_DAY_COLLECTION, STATS_MONTH_COLLECTION } from './model.js'
import { addDayToMonth, readsField, yearOfficeKey } from './months.js'

interface Pending {
  kind: 'day' | 'month'
  id: string
  fields: Record<string, unknown>
  inc: Record<string, number>
}

const COLLECTION: Record<Pending['kind'], string> = { day: STATS_DAY_COLLECTION, month: STATS_MONTH_COLLECTION }

/**
 * Sums the increments per document, each once for its office and once for all offices. Each
 * writer (`shard`: one per service process, `backfill` for the migration) has documents of its
 * own, because FerretDB 1.24 does not serialise concurrent `$inc` on one document (ADR 0002
 * measured 20 concurrent increments ending at 7); readers add the shards up.
 * An article read is a field of the day document, `reads_<articleId>` (months.ts), like every
 * other counter. With `months`, every increment also goes to the shard's month document
 * (months.ts), and the day documents say so (`months: true`): migration 0008 rolls up only
 * documents without it, so no count reaches a month twice.
 */
export function groupIncrements(increments: readonly Increment[], shard: string, months = true): Pending[] {
  const docs = new Map<string, Pending>()
  const doc = (kind: Pending['kind'], id: string, fields: () => Record<string, unknown>): Pending => {
    const key = `${kind}|${id}`
    let found = docs.get(key)
    if (!found) docs.set(key, (found = { kind, id, fields: { ...fields(), ...(months && kind !== 'month' ? { months: true } : {}) }, inc: {} }))
    return found
  }
  const add = (into: Pending, field: string, n: number) => (into.inc[field] = (into.inc[field] ?? 0) + n)
  for (const increment of increments) {
    const month = monthOf(increment.day)
    for (const officeId of [increment.officeId, ALL_OFFICES]) {
      const monthOffice = monthOfficeKey(month, officeId)
      const inc = increment.kind === 'article' ? { [readsField(increment.articleId!)]: increment.inc.reads ?? 0 } : increment.inc
      const counters = doc('day', [increment.day, officeId, shard].join(':'), () => ({ day: increment.day, officeId, shard, monthOffice }))
      for (const [field, n] of Object.entries(inc)) add(counters, field, n)
      if (!months || increment.day === BACKLOG_DAY) continue
      const rollUp = doc('month', [month, officeId, shard].join(':'), () => ({ month, officeId, shard, yearOffice: yearOfficeKey(month, officeId) }))
      addDayToMonth(increment.day, inc, rollUp.inc)
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

export interface CounterWriterOptions {
  /** Upserts in flight at once (MAX_PARALLEL_WRITES). */
  parallel?: number
  /** Also write the month roll-ups (true; the back-fill leaves them to migration 0008). */
  months?: boolean
}

/**
 * The only writer of its shard's documents (day and month). Writes to one document are
 * chained, so this process never has two `$inc` on one document in flight; writes to different
 * documents run in parallel, at most `parallel` at once. Upserts: a new day or office simply starts a document.
 */
export function createCounterWriter(
  db: () => mongo.Db,
  shard = randomBytes(6).toString('hex'),
  { parallel = MAX_PARALLEL_WRITES, months = true }: CounterWriterOptions = {}
): CounterWriter {
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
    const collection = db().collection(COLLECTION[doc.kind])
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
      await Promise.all(groupIncrements(increments, shard, months).map((doc) => serialised(doc, once)))
    }
  }
}
