import { Types, type mongo } from 'mongoose'
import { incrementsOfStoredCase, type Increment } from '@ze/service/stats/counters'
import { createCounterWriter } from '@ze/service/stats/writer'
import { fmt, type Figure, type SetResult } from './lib/results.js'
import { interleaved, median, percentile, ratio } from './lib/stats.js'
import { machine } from './lib/machine.js'
import { timedGet } from './lib/load.js'
import { prepareTenant, startDatabase, startService, tuneBenchDatabase } from './lib/stack.js'

const CASES = Number(process.env.BENCH_STATS_CASES ?? 100_000)
const OFFICES = 50
/** Article reads: this many a day, spread over ARTICLES articles (a few read much more than the rest). */
const READS_PER_DAY = 30
const ARTICLES = 100
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SAMPLES = 100
const TARGET_P99_MS = 200
const DAY = 86_400_000

/**
 * The counters 100 k cases produce (ADR 0145): cases spread over the past year and 50 offices,
 * two thirds answered (first response 1 min … 3 days later), a third resolved, a quarter rated,
 * counted by the service's own `incrementsOfStoredCase` and written by its counter writer; plus
 * READS_PER_DAY article reads a day over ARTICLES articles, so the most-read list has data to rank.
 */
async function seedCounters(db: mongo.Db): Promise<number> {
  const started = Date.now()
  const writer = createCounterWriter(() => db, 'bench')
  const now = Date.now()
  let seed = 11
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
  // Summed per day, office (and article) first, then written in batches through the writer,
  // which keeps at most MAX_PARALLEL_WRITES upserts in flight (as the service does).
  const merged = new Map<string, Increment>()
  {
    const increments: Increment[] = []
    for (let k = 0; k < CASES; k++) {
      const createdAt = new Date(now - rand(365 * DAY))
      const status = (['open', 'answered', 'resolved'] as const)[k % 3]!
      const firstResponseAt = status === 'open' ? null : new Date(Math.min(now, createdAt.getTime() + 60_000 + rand(3 * DAY)))
      const updatedAt = new Date(Math.min(now, (firstResponseAt ?? createdAt).getTime() + rand(2 * DAY)))
      const rating = firstResponseAt && k % 4 === 0 ? { score: 1 + rand(5), comment: null, ratedAt: updatedAt } : null
      const c = { _id: new Types.ObjectId(), officeId: `bench-office-${k % OFFICES}`, createdAt, updatedAt, status, firstResponseAt, rating }
      increments.push(...incrementsOfStoredCase(c as never))
    }
    for (let d = 0; d < 365; d++) {
      for (let r = 0; r < READS_PER_DAY; r++) {
        const articleId = new Types.ObjectId(Math.min(rand(ARTICLES), rand(ARTICLES)).toString(16).padStart(24, '0')).toHexString()
        const day = new Date(now - d * DAY).toISOString().slice(0, 10)
        increments.push({ kind: 'article', day, officeId: `bench-office-${rand(OFFICES)}`, articleId, inc: { reads: 1 } })
      }
    }
    for (const inc of increments) {
      const key = `${inc.kind}|${inc.day}|${inc.officeId}|${inc.articleId ?? ''}`
      const into = merged.get(key) ?? { ...inc, inc: {} }
      for (const [field, n] of Object.entries(inc.inc)) into.inc[field] = (into.inc[field] ?? 0) + n
      merged.set(key, into)
    }
  }
  const all = [...merged.values()]
  for (let i = 0; i < all.length; i += 64) await writer.apply(all.slice(i, i + 64))
  return (Date.now() - started) / 1000
}

/** GET /admin/v1/stats over the counters of 100 k cases, against a bare route of the same service in the same run. */
export async function statsBench(): Promise<SetResult> {
  const started = Date.now()
  const at = machine()
  const db = await startDatabase()
  const tenant = await prepareTenant(db.serverUri)
  await tuneBenchDatabase(tenant.data.models.StatsDay.db.db!)
  const seedSeconds = await seedCounters(tenant.data.models.StatsDay.db.db!)
  const counterDocs = await tenant.data.models.StatsDay.countDocuments()
  const monthDocs = await tenant.data.models.StatsMonth.countDocuments()
  const service = await startService(tenant.mongodbUri)
  try {
    const headers = { authorization: `Bearer ${tenant.expertKey}` }
    const day = (offset: number) => new Date(Date.now() - offset * DAY).toISOString().slice(0, 10)
    const urls = {
      bare: `${service.url}/healthz`,
      month: `${service.url}/admin/v1/stats?from=${day(29)}&to=${day(0)}`,
      monthOffice: `${service.url}/admin/v1/stats?from=${day(29)}&to=${day(0)}&officeId=bench-office-7`,
      year: `${service.url}/admin/v1/stats?from=${day(364)}&to=${day(0)}`
    }
    const check = await fetch(urls.year, { headers })
    const body = (await check.json()) as { totals?: { opened: number } }
    if (check.status !== 200 || body.totals?.opened !== CASES) throw new Error(`GET /admin/v1/stats answered ${check.status}, opened ${body.totals?.opened}`)
    const run = (url: string) => async () => {
      const samples: number[] = []
      for (let i = 0; i < SAMPLES; i++) {
        const { status, ms } = await timedGet(url, headers)
        if (status !== 200) throw new Error(`${url} answered ${status}`)
        samples.push(ms)
      }
      return { p50: percentile(samples, 50), p99: percentile(samples, 99) }
    }
    const rounds: string[] = []
    const results = await interleaved(
      ROUNDS,
      { bare: run(urls.bare), month: run(urls.month), monthOffice: run(urls.monthOffice), year: run(urls.year) },
      (r, key, v) => {
        const line = `round ${r}, ${key}: p50 ${fmt.ms(v.p50)}, p99 ${fmt.ms(v.p99)}`
        console.log(`[bench] ${line}`)
        rounds.push(line)
      }
    )
    const p99 = (k: keyof typeof results) => median(results[k].map((r) => r.p99))
    const p50 = (k: keyof typeof results) => median(results[k].map((r) => r.p50))
    const figures: Figure[] = [
      { name: 'cases counted / offices / day counter documents / month roll-ups', value: `${CASES} / ${OFFICES} / ${counterDocs} / ${monthDocs}` },
      { name: 'writing the counters of all cases (service writer)', value: `${seedSeconds.toFixed(0)} s` },
      { name: 'bare route (GET /healthz) p50 / p99', value: `${fmt.ms(p50('bare'))} / ${fmt.ms(p99('bare'))}` },
      { name: 'stats, 30 days, all offices: p50', value: fmt.ms(p50('month')) },
      { name: 'stats, 30 days, all offices: p99', value: fmt.ms(p99('month')), target: `< ${TARGET_P99_MS} ms`, met: p99('month') < TARGET_P99_MS },
      { name: 'stats, 30 days, one office: p99', value: fmt.ms(p99('monthOffice')), target: `< ${TARGET_P99_MS} ms`, met: p99('monthOffice') < TARGET_P99_MS },
      {
        name: 'stats, 365 days, all offices: p50 / p99',
        value: `${fmt.ms(p50('year'))} / ${fmt.ms(p99('year'))}`,
        target: `< ${TARGET_P99_MS} ms`,
        met: p99('year') < TARGET_P99_MS
      },
      { name: 'p99 ratio stats 30 days / bare route', value: `${ratio(p99('month'), p99('bare')).toFixed(1)}x` }
    ]
    const notes = [
      `The report reads only counter documents, never the cases: month roll-ups for the whole months of the period and day counters (article reads included) for its edge months, so the bench writes the counters ${CASES} cases produce through the service's own counting and writer (stats/counters.ts, stats/writer.ts, with month roll-ups) instead of the case documents; the check request confirms the year's report counts all ${CASES} openings.`,
      `${SAMPLES} sequential requests per variant and round with an admin expert's key (real auth), ${ROUNDS} interleaved rounds, median of the round p99s; the bare route is /healthz of the same service process.`,
      `1-minute load average at start: ${at.load1} on ${at.nproc} cores shared by several engineers; the figures include that contention.`
    ]
    return {
      set: 'stats',
      title: '9. Statistics: a report over the counters of 100 k cases',
      machine: at,
      durationSeconds: (Date.now() - started) / 1000,
      figures,
      rounds,
      notes
    }
  } finally {
    await service.stop()
    await tenant.data.close()
    await db.stop()
  }
}
