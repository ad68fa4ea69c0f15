import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { StatsReport } from '@ze/contract'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, expertHeaders } from '../helpers/content.js'
import { testMigrator, type AfterBatch } from '../helpers/migrator.js'
import type { Increment } from '../../src/stats/counters.js'
import { createCounterWriter } from '../../src/stats/writer.js'
import { BUCKETS } from '../../src/stats/buckets.js'

// Migration 0008 on the real database: counters written before month roll-ups existed (two old
// shards, without month documents) get their months, exactly, across a crash and a rebuild
// repeated after it, while a shard of this release (which wrote its months itself) is left alone.
const DAY = 86_400_000
const NOW = new Date()
const office = 'office-rollup'
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)
const monthStart = (back: number) => dayOf(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - back, 1))
const monthEnd = (back: number) => dayOf(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - back + 1, 0))
/** Whole months only, and a period with an edge month at each end. */
const periods = [
  { from: monthStart(3), to: monthEnd(1) },
  { from: dayOf(NOW.getTime() - 100 * DAY), to: dayOf(NOW.getTime()) }
]

let app: FastifyInstance
const articleIds: string[] = []
const increments: Increment[] = []
let seed = 7
const int = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)

beforeAll(async () => {
  app = await buildTestApp()
  const { headers } = await expertHeaders(app)
  for (let k = 0; k < 3; k++) articleIds.push((await createArticle(app, headers, { slug: `zwijany-${k}`, title: `Zwijany ${k}`, body: 'Treść' })).id)
  for (let k = 0; k < 60; k++) {
    const day = dayOf(NOW.getTime() - int(110) * DAY)
    const inc: Record<string, number> = {
      opened: 1,
      [`open_${String(int(24)).padStart(2, '0')}`]: 1,
      [`frt_${String(int(27)).padStart(2, '0')}`]: 1,
      frtSum: 60
    }
    if (k % 3 === 0) inc.resolved = 1
    if (k % 4 === 0) inc[`rate_${1 + int(5)}`] = k % 8 === 0 ? -1 : 1
    if (k % 5 === 0) inc.sugDrafts = 1
    increments.push({ kind: 'day', day, officeId: office, inc })
    increments.push({ kind: 'article', day, officeId: office, articleId: articleIds[k % 3]!, inc: { reads: 1 + (k % 3) } })
  }
  // Two shards of the release before month roll-ups (day counters, article reads per month and article) and one of this release.
  for (const [shard, part] of [
    ['old-a', increments.slice(0, 40)],
    ['old-b', increments.slice(40, 80)]
  ] as const) {
    await createCounterWriter(() => app.db.db!, shard, { months: false }).apply(part.filter((i) => i.kind === 'day'))
    await insertOldReads(
      shard,
      part.filter((i) => i.kind === 'article')
    )
  }
  await createCounterWriter(() => app.db.db!, 'new').apply(increments.slice(80))
}, 120_000)

/** Article reads as the release before month roll-ups kept them: a document per month, office (and `*`), article and shard. */
async function insertOldReads(shard: string, reads: readonly Increment[]) {
  const docs = new Map<string, Record<string, unknown> & { reads: number }>()
  for (const read of reads)
    for (const officeId of [read.officeId, '*']) {
      const month = read.day.slice(0, 7)
      const _id = [month, officeId, read.articleId, shard].join(':')
      const doc = docs.get(_id) ?? { _id, month, officeId, articleId: read.articleId, shard, monthOffice: `${month}|${officeId}`, reads: 0 }
      const day = `reads_${read.day.slice(8, 10)}`
      doc.reads += read.inc.reads!
      doc[day] = ((doc[day] as number | undefined) ?? 0) + read.inc.reads!
      docs.set(_id, doc)
    }
  await app.db.db!.collection('stats_article_monthly').insertMany([...docs.values()] as never[])
}
afterAll(() => app?.close())

function expected(from: string, to: string) {
  const inside = increments.filter((i) => i.day >= from && i.day <= to)
  const sum = (field: string, day?: string) => inside.filter((i) => i.kind === 'day' && (!day || i.day === day)).reduce((s, i) => s + (i.inc[field] ?? 0), 0)
  const prefixed = (prefix: string, day: string) =>
    inside
      .filter((i) => i.kind === 'day' && i.day === day)
      .reduce((s, i) => s + Object.entries(i.inc).reduce((t, [f, n]) => t + (f.startsWith(prefix) ? n : 0), 0), 0)
  const reads = articleIds.map((id) => ({ articleId: id, reads: inside.filter((i) => i.articleId === id).reduce((s, i) => s + i.inc.reads!, 0) }))
  return {
    row: (day: string) => ({
      day,
      opened: sum('opened', day),
      resolved: sum('resolved', day),
      reopened: 0,
      firstResponses: prefixed('frt_', day),
      ratings: prefixed('rate_', day)
    }),
    opened: sum('opened'),
    histogram: Array.from({ length: BUCKETS }, (_, b) => sum(`frt_${String(b).padStart(2, '0')}`)),
    scores: [1, 2, 3, 4, 5].map((s) => sum(`rate_${s}`)),
    drafts: sum('sugDrafts'),
    mostRead: reads.filter((r) => r.reads > 0).sort((a, b) => b.reads - a.reads || a.articleId.localeCompare(b.articleId))
  }
}

const report = (period: { from: string; to: string }): Promise<StatsReport> => app.stats.report({ ...period, officeId: office }, NOW)

function check(r: StatsReport, period: { from: string; to: string }) {
  const want = expected(period.from, period.to)
  expect(r.days).toEqual(r.days.map((row) => want.row(row.day)))
  expect(r.firstResponse.histogram).toEqual(want.histogram)
  expect(r.satisfaction.scores).toEqual(want.scores)
  expect(r.deflection.draftsWithSuggestion).toBe(want.drafts)
  expect(r.articles.mostRead.map(({ articleId, reads }) => ({ articleId, reads }))).toEqual(want.mostRead)
}

const migrator = (owner: string, afterBatch?: AfterBatch) => testMigrator(app, owner, 4, afterBatch)

describe('migration 0008-stats-month-rollups', () => {
  it('builds the month roll-ups of earlier counters exactly once, across a crash and a repeated rebuild', async () => {
    const db = app.db.db!
    // The app migrated an empty database on start; 0008 runs again as on a database upgraded from the release before.
    await db.collection('migrations').deleteOne({ _id: '0008-stats-month-rollups' as never })

    // Before: whole months miss what the old shards counted (their month documents do not exist yet).
    const before = await report(periods[0]!)
    expect(before.totals.opened).toBeLessThan(expected(periods[0]!.from, periods[0]!.to).opened)

    const crashing = migrator('crashing', (migration, step) => {
      if (migration === '0008-stats-month-rollups' && step === 'days') throw new Error('simulated crash')
    })
    await expect(crashing.run()).rejects.toThrow('simulated crash')
    const { status } = await migrator('resuming').run()
    expect(status.pending).toEqual([])

    // A rebuild repeated (as after a crash between writing a month and marking its documents) changes nothing.
    const months = async () =>
      (await db.collection('stats_monthly').find({ officeId: office }).sort({ _id: 1 }).toArray()).map((d) =>
        Object.entries(d).sort(([a], [b]) => a.localeCompare(b))
      )
    const built = await months()
    expect(new Set((await db.collection('stats_monthly').find({ officeId: office }).toArray()).map((d) => d.shard))).toEqual(new Set(['old-a', 'old-b', 'new']))
    await db.collection('stats_daily').updateMany({ shard: 'old-a' }, { $unset: { months: '' } })
    await db.collection('migrations').deleteOne({ _id: '0008-stats-month-rollups' as never })
    await migrator('again').run()
    expect(await months()).toEqual(built)

    // The old reads became day documents of their own (`<shard>/reads`), read for edge months like any day.
    expect(await db.collection('stats_daily').distinct('shard', { officeId: office })).toEqual(expect.arrayContaining(['old-a/reads', 'old-b/reads']))
    for (const period of periods) check(await report(period), period)
  })
})
