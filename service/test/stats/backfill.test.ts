import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { StatsReport } from '@ze/contract'
import { buildTestApp } from '../helpers/app.js'
import { TEST_APP } from '../helpers/tokens.js'
import { createCase, freshChief } from '../helpers/factories.js'
import { testMigrator, type AfterBatch } from '../helpers/migrator.js'
import { oldCase } from '../migrations/previous-release.js'

// Migration 0004 on the real database: cases stored before the statistics are counted once,
// even when the run dies part-way and when a batch is counted again after a crash. Small on
// purpose (FerretDB on SQLite is slow on a loaded machine).
const BATCH = 8
const DAY = 86_400_000
const HOUR = 3_600_000
const office = { id: 'office-backfill', name: 'Biuro Zaległe' }
const NOW = new Date()
let app: FastifyInstance
let docs: Array<Omit<ReturnType<typeof oldCase>, 'status' | 'firstResponseAt'> & { status: string; firstResponseAt: Date | null; rating: unknown }>

beforeAll(async () => {
  app = await buildTestApp({ migrateOnStart: false })
  docs = Array.from({ length: 30 }, (_, i) => {
    const created = new Date(NOW.getTime() - (i % 5) * DAY - (i % 7) * HOUR - 60_000)
    const status = (['open', 'answered', 'resolved'] as const)[i % 3]!
    const firstResponseAt = status === 'open' ? null : new Date(created.getTime() + (i + 1) * 7 * 60_000)
    const resolvedAt = new Date(created.getTime() + (i + 1) * 40 * 60_000)
    return {
      ...oldCase(TEST_APP.id, office, 1000 + i, created),
      status,
      firstResponseAt,
      rating: firstResponseAt && i % 2 === 0 ? { score: (i % 5) + 1, comment: null, ratedAt: new Date(firstResponseAt.getTime() + 1000) } : null,
      updatedAt: status === 'resolved' ? resolvedAt : created
    }
  })
  await app.db.db!.collection('cases').insertMany(docs)
}, 120_000)
afterAll(() => app?.close())

const migrator = (owner: string, afterBatch?: AfterBatch) => testMigrator(app, owner, BATCH, afterBatch)

const dayOf = (t: Date) => t.toISOString().slice(0, 10)
const period = { from: dayOf(new Date(NOW.getTime() - 7 * DAY)), to: dayOf(NOW) }
const report = (): Promise<StatsReport> => app.stats.report({ ...period, officeId: office.id }, NOW)

function expected() {
  const count = (dates: Array<Date | null>) => (day: string) => dates.filter((d) => d && dayOf(d) === day).length
  const resolved = docs.filter((d) => d.status === 'resolved')
  const rated = docs.filter((d) => d.rating) as Array<{ rating: { score: number } }>
  return {
    opened: count(docs.map((d) => d.createdAt)),
    resolved: count(resolved.map((d) => d.updatedAt)),
    firstResponses: docs.filter((d) => d.firstResponseAt).length,
    scores: [1, 2, 3, 4, 5].map((s) => rated.filter((d) => d.rating.score === s).length),
    backlog: docs.filter((d) => d.status !== 'resolved').length
  }
}

describe('migration 0004-stats-backfill', () => {
  it('counts existing cases once across a crash and a repeated batch, and leaves cases counted live alone', async () => {
    const chief = { ...freshChief(), office, account: { type: 'office', ...office } }
    await createCase(app, chief)

    // The first batch's members, to count that batch again below.
    let firstBatch: { id: string; members: unknown[] } | null = null
    const crashing = migrator('crashing', async (migration, step, progress) => {
      if (migration !== '0004-stats-backfill' || step !== 'assign') return
      if (progress.batches === 1) {
        const members = await app.db
          .db!.collection('cases')
          .find({ statsBatch: { $nin: [null, 'live'] } }, { projection: { statsBatch: 1 } })
          .toArray()
        firstBatch = { id: String(members[0]!.statsBatch), members: members.map((m) => m._id) }
      }
      if (progress.batches === 2) throw new Error('simulated crash')
    })
    await expect(crashing.run()).rejects.toThrow('simulated crash')
    expect((await migrator('resuming').run()).status.pending).toEqual([])
    expect(await app.db.db!.collection('cases').countDocuments({ statsBatch: 'live' })).toBe(docs.length + 1)

    const want = expected()
    const first = await report()
    expect(first.totals.opened).toBe(docs.length + 1)
    for (const row of first.days)
      expect({ day: row.day, opened: row.opened, resolved: row.resolved }).toEqual({
        day: row.day,
        opened: want.opened(row.day) + (row.day === dayOf(NOW) ? 1 : 0),
        resolved: want.resolved(row.day)
      })
    expect(first.firstResponse.count).toBe(want.firstResponses)
    expect(first.satisfaction.scores).toEqual(want.scores)
    expect(first.backlog.total).toBe(want.backlog + 1)

    // A crash after a batch was counted and before it was marked: the batch runs again and adds nothing.
    const db = app.db.db!
    const batch = firstBatch as { id: string; members: unknown[] } | null
    expect(batch?.members).toHaveLength(BATCH)
    await db.collection<{ _id: string }>('stats_backfill').updateOne({ _id: batch!.id }, { $set: { done: false } })
    await db.collection('cases').updateMany({ _id: { $in: batch!.members } } as object, { $set: { statsBatch: batch!.id } })
    await db.collection('migrations').updateOne({ _id: '0004-stats-backfill' as never }, { $set: { state: 'running', 'steps.count.done': false } })
    await migrator('replaying').run()
    const again = await report()
    expect({ ...again, generatedAt: null, backlog: { ...again.backlog, at: null } }).toEqual({
      ...first,
      generatedAt: null,
      backlog: { ...first.backlog, at: null }
    })
  })
})
