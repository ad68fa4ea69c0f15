import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { Types } from 'mongoose'
import { STATS_BOUND_MINUTES, type StatsReport } from '@ze/contract'
import type { Activity } from '../../src/events/activity.js'
import type { StoredCase } from '../../src/models/case.js'
import type { StoredMessage } from '../../src/models/message.js'
import { buildTestApp } from '../helpers/app.js'
import { TEST_APP } from '../helpers/tokens.js'
import { createArticle, expertHeaders } from '../helpers/content.js'

/**
 * The per-day counters against a brute-force computation over the same random case histories:
 * the histories are played as activities through `fastify.activity.record` of TWO app instances
 * on one database, in random order and concurrently (the counters are sums, so order must not
 * matter), and each report is compared with numbers computed directly from the histories.
 */
const SEED = Number(process.env.STATS_SEED ?? Date.now() % 1_000_000)
function prng(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}
const random = prng(SEED)
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
/** Log-uniform between 5 s and 6 days: many quick answers, a long tail. */
const duration = () => Math.round(Math.exp(Math.log(5_000) + random() * (Math.log(6 * 86_400_000) - Math.log(5_000))))

const HOUR = 3_600_000
const DAY = 86_400_000
const NOW = new Date(Math.floor(Date.now() / HOUR) * HOUR + int(0, HOUR - 1))
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)
const OFFICES = ['office-p1', 'office-p2', 'office-p3']
/**
 * When a case is opened or an article read: half in the last 9 days (the backlog's hours, the
 * edge days), half over the last SPAN days, so periods hold whole months (read from month
 * roll-ups) besides edge months (read from day documents), and facts cross month boundaries.
 */
const SPAN = 100
const when = () => NOW.getTime() - (random() < 0.5 ? int(0, 9 * DAY) : int(0, SPAN * DAY))
/** The first day of the month `back` months before NOW's, and the last day of a month. */
const monthStart = (back: number) => {
  const d = new Date(NOW)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10)
}
const monthEnd = (back: number) => {
  const d = new Date(NOW)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back + 1, 0)).toISOString().slice(0, 10)
}

interface History {
  officeId: string
  createdAt: number
  firstResponse: number | null
  resolutions: number[]
  reopens: number[]
  /** Every rating given, in order; the last one counts. */
  ratings: Array<{ score: number; at: number }>
  finalStatus: 'open' | 'answered' | 'resolved'
  /** Sent after a suggestion was opened while it was written (`afterSuggestion`). */
  afterSuggestion: boolean
}

/** A widget request for an article or thread: a read (articles), and the first suggestion of a draft (`via`). */
interface Opened {
  officeId: string
  at: number
  kind: 'article' | 'thread'
  id: string
  via: boolean
}

function generate(count: number, articleIds: readonly string[]): { histories: History[]; opened: Opened[]; activities: Activity[] } {
  const histories: History[] = []
  const activities: Activity[] = []
  for (let k = 0; k < count; k++) {
    const officeId = pick(OFFICES)
    const createdAt = when()
    const base = {
      _id: new Types.ObjectId(),
      appId: TEST_APP.id,
      officeId,
      officeName: officeId,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
      status: 'open',
      firstResponseAt: null,
      rating: null,
      statsBatch: 'live'
    } as unknown as StoredCase
    const message = (at: number, kind: 'chief' | 'expert', internal = false) =>
      ({
        _id: new Types.ObjectId(),
        caseId: base._id,
        author: { kind, id: kind, name: kind },
        body: 'x',
        internal,
        attachments: [],
        createdAt: new Date(at)
      }) as unknown as StoredMessage
    const afterSuggestion = random() < 0.3
    activities.push({
      type: 'case.created',
      case: base,
      message: message(createdAt, 'chief'),
      ...(afterSuggestion || random() < 0.5 ? { afterSuggestion } : {})
    })
    const h: History = { officeId, createdAt, firstResponse: null, resolutions: [], reopens: [], ratings: [], finalStatus: 'open', afterSuggestion }
    let current = base
    let t = createdAt
    for (let step = int(0, 6); step > 0; step--) {
      t += duration()
      if (t > NOW.getTime()) break
      const snapshot = (changes: Partial<StoredCase>) => ({ ...current, ...changes, updatedAt: new Date(t) }) as StoredCase
      const move = pick(['expert', 'expert', 'note', 'resolve', 'chief', 'rate'] as const)
      if (move === 'expert' || move === 'note') {
        const internal = move === 'note'
        const first = !internal && !current.firstResponseAt
        const next = snapshot(internal ? {} : { status: 'answered', ...(first ? { firstResponseAt: new Date(t) } : {}) })
        activities.push({ type: 'message.created', case: next, message: message(t, 'expert', internal), before: current })
        if (first) h.firstResponse = t
        if (!internal && current.status === 'resolved') h.reopens.push(t)
        current = next
      } else if (move === 'chief') {
        const next = snapshot({ status: 'open' })
        activities.push({ type: 'message.created', case: next, message: message(t, 'chief'), before: current })
        if (current.status === 'resolved') h.reopens.push(t)
        current = next
      } else if (move === 'resolve') {
        const next = snapshot({ status: 'resolved' })
        activities.push({
          type: 'case.updated',
          case: next,
          before: current,
          changes: current.status === 'resolved' ? ['assignee'] : ['status'],
          actor: { kind: 'expert', id: 'e', name: 'e' }
        })
        if (current.status !== 'resolved') h.resolutions.push(t)
        current = next
      } else if (current.firstResponseAt) {
        const rating = { score: int(1, 5), comment: null, ratedAt: new Date(t) }
        const previous = current.rating ? { score: current.rating.score, ratedAt: current.rating.ratedAt } : null
        const next = { ...current, rating } as StoredCase
        activities.push({ type: 'case.rated', case: next, previous })
        h.ratings.push({ score: rating.score, at: t })
        current = next
      }
    }
    h.finalStatus = current.status
    histories.push(h)
  }
  // Articles and threads opened, some from the suggestions of a draft; some article ids read often.
  const opened: Opened[] = []
  for (let k = int(count, 3 * count); k > 0; k--) {
    const kind = random() < 0.8 ? 'article' : 'thread'
    const o: Opened = {
      officeId: pick(OFFICES),
      at: when(),
      kind,
      id:
        kind === 'article'
          ? articleIds[Math.min(articleIds.length - 1, Math.floor(random() * random() * articleIds.length))]!
          : new Types.ObjectId().toHexString(),
      via: random() < 0.4
    }
    opened.push(o)
    activities.push({ type: 'help.opened', kind: o.kind, id: o.id, appId: TEST_APP.id, officeId: o.officeId, at: new Date(o.at), viaSuggestion: o.via })
  }
  return { histories, opened, activities }
}

// ---- brute force, straight from the histories --------------------------------------------

const nearestRank = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1]!
const inBucket = (seconds: number, range: { fromMinutes: number; toMinutes: number | null } | null) =>
  range !== null && seconds >= range.fromMinutes * 60 && (range.toMinutes === null || seconds < range.toMinutes * 60)

function expected(histories: History[], opened: Opened[], from: string, to: string, officeId: string | null) {
  const mine = histories.filter((h) => officeId === null || h.officeId === officeId)
  const within = (t: number) => dayOf(t) >= from && dayOf(t) <= to
  const openedHere = opened.filter((o) => (officeId === null || o.officeId === officeId) && within(o.at))
  const reads = new Map<string, number>()
  for (const o of openedHere) if (o.kind === 'article') reads.set(o.id, (reads.get(o.id) ?? 0) + 1)
  const drafts = openedHere.filter((o) => o.via).length
  const asked = mine.filter((h) => h.afterSuggestion && within(h.createdAt)).length
  const frt = mine.filter((h) => h.firstResponse !== null && within(h.firstResponse)).map((h) => (h.firstResponse! - h.createdAt) / 1000)
  const res = mine.flatMap((h) => h.resolutions.filter(within).map((t) => (t - h.createdAt) / 1000))
  const scores = [1, 2, 3, 4, 5].map((s) => mine.filter((h) => h.ratings.length > 0 && h.ratings.at(-1)!.score === s && within(h.ratings.at(-1)!.at)).length)
  const nowHour = Math.floor(NOW.getTime() / HOUR)
  const ages = { under4h: 0, under24h: 0, under3d: 0, older: 0 }
  for (const h of mine.filter((h) => h.finalStatus !== 'resolved')) {
    const age = nowHour - Math.floor(h.createdAt / HOUR)
    ages[age < 4 ? 'under4h' : age < 24 ? 'under24h' : age < 72 ? 'under3d' : 'older']++
  }
  const perDay = (times: number[], day: string) => times.filter((t) => dayOf(t) === day).length
  return {
    frt,
    res,
    opened: (day: string) =>
      perDay(
        mine.map((h) => h.createdAt),
        day
      ),
    resolved: (day: string) =>
      perDay(
        mine.flatMap((h) => h.resolutions),
        day
      ),
    reopened: (day: string) =>
      perDay(
        mine.flatMap((h) => h.reopens),
        day
      ),
    firstResponses: (day: string) =>
      perDay(
        mine.flatMap((h) => (h.firstResponse === null ? [] : [h.firstResponse])),
        day
      ),
    // A replaced rating is subtracted on its own day: what remains per day is the ratings that stand.
    ratings: (day: string) =>
      perDay(
        mine.flatMap((h) => (h.ratings.length > 0 ? [h.ratings.at(-1)!.at] : [])),
        day
      ),
    scores,
    backlog: { ...ages, total: ages.under4h + ages.under24h + ages.under3d + ages.older },
    mostRead: [...reads]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([articleId, count]) => ({ articleId, reads: count })),
    deflection: {
      draftsWithSuggestion: drafts,
      askedAfterSuggestion: asked,
      deflected: Math.max(0, drafts - asked),
      share: drafts ? Math.max(0, drafts - asked) / drafts : null
    }
  }
}

let apps: FastifyInstance[]
/** More articles than the top 10, so the ranking and its cut are tested. */
const articleIds: string[] = []
beforeAll(async () => {
  const first = await buildTestApp()
  apps = [first, await buildTestApp({ mongodbUri: first.config.mongodbUri })]
  const { headers } = await expertHeaders(first)
  for (let k = 0; k < 14; k++) articleIds.push((await createArticle(first, headers, { slug: `artykul-${k}`, title: `Artykuł ${k}`, body: 'Treść' })).id)
}, 120_000)
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()))
})

describe(`statistics counters vs brute force over random histories (seed ${SEED}; rerun with STATS_SEED=${SEED})`, () => {
  it(
    'match day counts, quantile buckets, target share, satisfaction, backlog, article reads and deflection for random periods and offices',
    { timeout: 240_000 },
    async () => {
      const { histories, opened, activities } = generate(int(50, 80), articleIds)
      // Random order, in concurrent groups, alternating instances: as several instances would.
      const shuffled = activities
        .map((a) => ({ a, r: random() }))
        .sort((x, y) => x.r - y.r)
        .map((x) => x.a)
      for (let i = 0; i < shuffled.length; i += 16) await Promise.all(shuffled.slice(i, i + 16).map((a, j) => apps[j % 2]!.activity.record(a)))

      // Both instances wrote month roll-ups of their own (one writer per document).
      expect(await apps[0]!.db.db!.collection('stats_monthly').distinct('shard')).toHaveLength(2)

      const target = pick(STATS_BOUND_MINUTES.filter((m) => m >= 5 && m <= 2880))
      await apps[0]!.stats.setTargetMinutes(target, 'test')
      const queries: Array<{ from: string; to: string; officeId: string | null }> = [
        { from: dayOf(NOW.getTime() - 12 * DAY), to: dayOf(NOW.getTime()), officeId: null },
        // A whole month (its roll-up) and the one cut by the period (its day documents).
        { from: monthStart(1), to: dayOf(NOW.getTime()), officeId: pick([null, ...OFFICES]) },
        // Several whole months between two edge months cut by the period.
        { from: dayOf(NOW.getTime() - int(SPAN - 10, SPAN) * DAY), to: dayOf(NOW.getTime()), officeId: null },
        { from: dayOf(NOW.getTime() - int(SPAN - 10, SPAN) * DAY), to: dayOf(NOW.getTime() - int(0, 5) * DAY), officeId: pick(OFFICES) },
        // Whole months only, and a single whole month.
        { from: monthStart(3), to: monthEnd(1), officeId: pick([null, ...OFFICES]) },
        { from: monthStart(2), to: monthEnd(2), officeId: null }
      ]
      for (let q = 0; q < 5; q++) {
        const a = NOW.getTime() - int(0, SPAN) * DAY
        const b = a - int(0, random() < 0.5 ? 6 : 70) * DAY
        queries.push({ from: dayOf(b), to: dayOf(a), officeId: random() < 0.3 ? null : pick(OFFICES) })
      }
      for (const query of queries) {
        const report: StatsReport = await apps[1]!.stats.report(
          { from: query.from, to: query.to, ...(query.officeId ? { officeId: query.officeId } : {}) },
          NOW
        )
        const want = expected(histories, opened, query.from, query.to, query.officeId)
        const label = JSON.stringify(query)
        for (const row of report.days) {
          expect({ label, row }).toEqual({
            label,
            row: {
              day: row.day,
              opened: want.opened(row.day),
              resolved: want.resolved(row.day),
              reopened: want.reopened(row.day),
              firstResponses: want.firstResponses(row.day),
              ratings: want.ratings(row.day)
            }
          })
        }
        for (const [summary, values] of [
          [report.firstResponse, want.frt],
          [report.resolution, want.res]
        ] as const) {
          expect(summary.count, label).toBe(values.length)
          const bounds = [0, ...STATS_BOUND_MINUTES.map((m) => m * 60), Infinity]
          expect(summary.histogram, label).toEqual(bounds.slice(0, -1).map((lo, i) => values.filter((v) => v >= lo && v < bounds[i + 1]!).length))
          if (values.length === 0) {
            expect([summary.median, summary.p90, summary.meanSeconds], label).toEqual([null, null, null])
            continue
          }
          expect(inBucket(nearestRank(values, 0.5), summary.median), `${label} median`).toBe(true)
          expect(inBucket(nearestRank(values, 0.9), summary.p90), `${label} p90`).toBe(true)
          // The stored sums are whole seconds per response.
          expect(Math.abs(summary.meanSeconds! - values.reduce((a, b) => a + b, 0) / values.length), label).toBeLessThanOrEqual(0.5)
        }
        expect(report.withinTarget, label).toEqual({
          targetMinutes: target,
          answered: want.frt.length,
          within: want.frt.filter((v) => v < target * 60).length,
          share: want.frt.length ? want.frt.filter((v) => v < target * 60).length / want.frt.length : null
        })
        expect(report.satisfaction.scores, label).toEqual(want.scores)
        expect(report.backlog, label).toEqual({ at: NOW.toISOString(), ...want.backlog })
        expect(
          report.articles.mostRead.map(({ articleId, reads }) => ({ articleId, reads })),
          label
        ).toEqual(want.mostRead)
        expect(report.articles.mostRead.map((a) => a.title)).toEqual(want.mostRead.map((a) => `Artykuł ${articleIds.indexOf(a.articleId)}`))
        expect(report.deflection, label).toEqual(want.deflection)
      }
    }
  )
})
