import { STATS_DEFAULT_TARGET_MINUTES, STATS_MAX_DAYS, type StatsQuery, type StatsReport } from '@ze/contract'
import type { Types } from 'mongoose'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import { BOUND_MINUTES, BUCKETS, backlogAgeOf, bucketField, bucketRange, countWithin, quantileBucket } from './buckets.js'
import { ALL_OFFICES, BACKLOG_DAY, dayOf } from './counters.js'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const TOP = 10
/** Days read at once: enough to overlap the round trips, few enough to leave the pool to others. */
const PARALLEL = 32

type Counters = Record<string, unknown>
const n = (doc: Counters | undefined, field: string): number => (typeof doc?.[field] === 'number' ? (doc[field] as number) : 0)

export function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  if (Number.isNaN(start) || Number.isNaN(end) || dayOf(new Date(start)) !== from || dayOf(new Date(end)) !== to)
    throw new AppError('VALIDATION_FAILED', 'Not a calendar day', { errors: [{ path: '/querystring/from', message: 'must be a real date' }] })
  if (start > end) throw new AppError('VALIDATION_FAILED', '`from` is after `to`', { errors: [{ path: '/querystring/from', message: 'must not be after to' }] })
  const count = (end - start) / DAY_MS + 1
  if (count > STATS_MAX_DAYS)
    throw new AppError('VALIDATION_FAILED', `A report covers at most ${STATS_MAX_DAYS} days`, {
      errors: [{ path: '/querystring/to', message: `at most ${STATS_MAX_DAYS} days after from` }]
    })
  return Array.from({ length: count }, (_, i) => dayOf(new Date(start + i * DAY_MS)))
}

/** The shards of one day and office added up (a day nobody wrote to is null). */
function sumShards(docs: readonly Counters[]): Counters | null {
  if (docs.length === 0) return null
  const sum: Record<string, number> = {}
  for (const doc of docs) for (const [field, value] of Object.entries(doc)) if (typeof value === 'number') sum[field] = (sum[field] ?? 0) + value
  return sum
}

async function inChunks<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += PARALLEL) out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(work))))
  return out
}

function durations(docs: readonly Counters[], prefix: 'frt' | 'res', sumField: string) {
  const histogram = Array.from({ length: BUCKETS }, (_, i) => docs.reduce((sum, d) => sum + n(d, bucketField(prefix, i)), 0))
  const count = histogram.reduce((a, b) => a + b, 0)
  const sum = docs.reduce((s, d) => s + n(d, sumField), 0)
  const range = (q: number) => {
    const i = quantileBucket(histogram, q)
    return i === null ? null : bucketRange(i)
  }
  return { count, meanSeconds: count ? sum / count : null, median: range(0.5), p90: range(0.9), histogram }
}

/** The statistics report: reads one counter document per day (and the article counters of those days), never cases. */
export function createStatsReports(models: Models) {
  const dayCounters = async (day: string, officeId: string): Promise<Counters | null> =>
    sumShards(await models.StatsDay.find({ day, officeId }, { _id: 0, day: 0, officeId: 0, shard: 0, batches: 0 }).lean<Counters[]>())

  async function targetMinutes(): Promise<number> {
    const settings = await models.StatsSettings.findById('stats').lean()
    return settings?.targetMinutes ?? STATS_DEFAULT_TARGET_MINUTES
  }

  /** Cases not resolved at `now`, by age: the last four days hour by hour, the rest from the office total. */
  async function backlog(officeId: string, now: Date): Promise<StatsReport['backlog']> {
    const today = Date.parse(`${dayOf(now)}T00:00:00Z`)
    const recentDays = [0, 1, 2, 3].map((k) => dayOf(new Date(today - k * DAY_MS)))
    const [total, ...recent] = await Promise.all([dayCounters(BACKLOG_DAY, officeId), ...recentDays.map((day) => dayCounters(day, officeId))])
    const ages = { under4h: 0, under24h: 0, under3d: 0, older: 0 }
    const nowHour = Math.floor(now.getTime() / HOUR_MS)
    recent.forEach((doc, k) => {
      for (let h = 0; h < 24; h++) {
        const count = n(doc ?? undefined, `open_${String(h).padStart(2, '0')}`)
        if (count === 0) continue
        const age = nowHour - (Math.floor((today - k * DAY_MS) / HOUR_MS) + h)
        const key = age < 0 ? 'under4h' : backlogAgeOf(age)
        if (key !== 'older') ages[key] += count
      }
    })
    const all = Math.max(0, n(total ?? undefined, 'backlog'))
    const recentCount = ages.under4h + ages.under24h + ages.under3d
    ages.older = Math.max(0, all - recentCount)
    return { at: now.toISOString(), ...ages, total: Math.max(all, recentCount) }
  }

  async function mostRead(days: readonly string[], officeId: string): Promise<StatsReport['articles']['mostRead']> {
    const perDay = await inChunks(days, (day) => models.StatsArticleDay.find({ day, officeId }, { articleId: 1, reads: 1 }).lean())
    const reads = new Map<string, number>()
    for (const docs of perDay) for (const d of docs) reads.set(d.articleId, (reads.get(d.articleId) ?? 0) + (d.reads ?? 0))
    const top = [...reads]
      .filter(([, r]) => r > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP)
    const articles = await Promise.all(
      top.map(([id]) => models.Article.findById(id, { title: 1, slug: 1 }).lean<{ _id: Types.ObjectId; title: string; slug: string }>())
    )
    return top.flatMap(([articleId, count], i) => {
      const a = articles[i]
      // An article deleted since it was read drops out of the list.
      return a ? [{ articleId, title: a.title, slug: a.slug, reads: count }] : []
    })
  }

  async function leastHelpful(): Promise<StatsReport['articles']['leastHelpful']> {
    // Bounded by the size of the knowledge base (the admin list reads the same), not by traffic.
    const docs = await models.Article.find({}, { title: 1, slug: 1, feedback: 1 })
      .limit(2000)
      .lean<Array<{ _id: Types.ObjectId; title: string; slug: string; feedback?: { helpful?: number; notHelpful?: number } }>>()
    return docs
      .map((a) => ({ articleId: String(a._id), title: a.title, slug: a.slug, helpful: a.feedback?.helpful ?? 0, notHelpful: a.feedback?.notHelpful ?? 0 }))
      .filter((a) => a.notHelpful > 0)
      .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.title.localeCompare(b.title))
      .slice(0, TOP)
  }

  return {
    targetMinutes,

    async setTargetMinutes(minutes: number, expertId: string): Promise<void> {
      await models.StatsSettings.updateOne({ _id: 'stats' }, { $set: { targetMinutes: minutes, updatedAt: new Date(), updatedBy: expertId } }, { upsert: true })
    },

    async report(query: StatsQuery, now = new Date()): Promise<StatsReport> {
      const days = daysBetween(query.from, query.to)
      const officeId = query.officeId ?? ALL_OFFICES
      const [docs, target, backlogNow, read, unhelpful] = await Promise.all([
        inChunks(days, (day) => dayCounters(day, officeId)),
        targetMinutes(),
        backlog(officeId, now),
        mostRead(days, officeId),
        leastHelpful()
      ])
      const present = docs.filter((d): d is Counters => d !== null)
      const firstResponse = durations(present, 'frt', 'frtSum')
      const scores = [1, 2, 3, 4, 5].map((s) => present.reduce((sum, d) => sum + n(d, `rate_${s}`), 0))
      const rated = scores.reduce((a, b) => a + b, 0)
      const drafts = present.reduce((s, d) => s + n(d, 'sugDrafts'), 0)
      const asked = present.reduce((s, d) => s + n(d, 'sugAsked'), 0)
      const within = countWithin(firstResponse.histogram, target)
      const rows = days.map((day, i) => {
        const d = docs[i] ?? undefined
        return {
          day,
          opened: n(d, 'opened'),
          resolved: n(d, 'resolved'),
          reopened: n(d, 'reopened'),
          firstResponses: Array.from({ length: BUCKETS }, (_, k) => n(d, bucketField('frt', k))).reduce((a, b) => a + b, 0),
          ratings: [1, 2, 3, 4, 5].reduce((s, k) => s + n(d, `rate_${k}`), 0)
        }
      })
      return {
        from: query.from,
        to: query.to,
        officeId: query.officeId ?? null,
        generatedAt: now.toISOString(),
        boundsMinutes: [...BOUND_MINUTES],
        days: rows,
        totals: {
          opened: rows.reduce((s, r) => s + r.opened, 0),
          resolved: rows.reduce((s, r) => s + r.resolved, 0),
          reopened: rows.reduce((s, r) => s + r.reopened, 0)
        },
        firstResponse,
        resolution: durations(present, 'res', 'resSum'),
        withinTarget: { targetMinutes: target, answered: firstResponse.count, within, share: firstResponse.count ? within / firstResponse.count : null },
        backlog: backlogNow,
        satisfaction: { count: rated, average: rated ? scores.reduce((s, c, i) => s + c * (i + 1), 0) / rated : null, scores },
        articles: { mostRead: read, leastHelpful: unhelpful },
        deflection: {
          draftsWithSuggestion: drafts,
          askedAfterSuggestion: asked,
          deflected: Math.max(0, drafts - asked),
          share: drafts ? Math.max(0, drafts - asked) / drafts : null
        }
      }
    }
  }
}

export type StatsReports = ReturnType<typeof createStatsReports>
