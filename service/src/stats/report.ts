import { STATS_DEFAULT_TARGET_MINUTES, STATS_MAX_DAYS, type StatsQuery, type StatsReport } from '@ze/contract'
import type { Types } from 'mongoose'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import { BOUND_MINUTES, BUCKETS, backlogAgeOf, bucketField, bucketRange, countWithin, quantileBucket } from './buckets.js'
import { ALL_OFFICES, BACKLOG_DAY, dayOf, monthOf, monthOfficeKey } from './counters.js'
import { READS_PREFIX, rowField, yearOfficeKey } from './months.js'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const TOP = 10

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

const daysInMonth = (month: string): number => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()

/** The days of a period by month (`YYYY-MM` → `DD`s), at most 13 months for 366 days. */
function byMonth(days: readonly string[]): Map<string, string[]> {
  const months = new Map<string, string[]>()
  for (const day of days) months.set(monthOf(day), [...(months.get(monthOf(day)) ?? []), day.slice(8, 10)])
  return months
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

/** The statistics report: reads month roll-ups for whole months and day counters for the edge months, never cases. */
export function createStatsReports(models: Models) {
  /**
   * One report's reads of the day counters: a month's documents of one office (every day and
   * shard) in one query by `monthOffice`, each month read once even if the period and the
   * backlog both need it. The cost of a report grows with its months (at most 13), not its days.
   */
  function dayReader(officeId: string) {
    const months = new Map<string, Promise<Counters[]>>()
    const month = (m: string): Promise<Counters[]> => {
      let docs = months.get(m)
      if (!docs) {
        docs = models.StatsDay.find({ monthOffice: monthOfficeKey(m, officeId) }, { _id: 0, shard: 0, batches: 0 })
          .lean<Counters[]>()
          .exec()
        months.set(m, docs)
      }
      return docs
    }
    /** Each day's shards added up, in the order asked (a day nobody wrote to is null). */
    return async (days: readonly string[]): Promise<Array<Counters | null>> => {
      const docs = (await Promise.all([...new Set(days.map(monthOf))].map(month))).flat()
      const perDay = new Map<string, Counters[]>()
      for (const doc of docs) perDay.set(doc.day as string, [...(perDay.get(doc.day as string) ?? []), doc])
      return days.map((day) => sumShards(perDay.get(day) ?? []))
    }
  }

  async function targetMinutes(): Promise<number> {
    const settings = await models.StatsSettings.findById('stats').lean()
    return settings?.targetMinutes ?? STATS_DEFAULT_TARGET_MINUTES
  }

  /** Cases not resolved at `now`, by age: the last four days hour by hour, the rest from the office total. */
  async function backlog(read: ReturnType<typeof dayReader>, now: Date): Promise<StatsReport['backlog']> {
    const today = Date.parse(`${dayOf(now)}T00:00:00Z`)
    const recentDays = [0, 1, 2, 3].map((k) => dayOf(new Date(today - k * DAY_MS)))
    const [total, ...recent] = await read([BACKLOG_DAY, ...recentDays])
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

  /**
   * Whole months' roll-ups (one document per shard, read by year: at most 2 queries), each
   * month's shards added up; a whole month nobody wrote to is null.
   */
  async function wholeMonths(months: readonly string[], officeId: string): Promise<Map<string, Counters | null>> {
    const years = [...new Set(months.map((m) => yearOfficeKey(m, officeId)))]
    const docs = (
      await Promise.all(years.map((yearOffice) => models.StatsMonth.find({ yearOffice }, { _id: 0, shard: 0, batches: 0 }).lean<Counters[]>().exec()))
    ).flat()
    return new Map(months.map((m) => [m, sumShards(docs.filter((d) => d.month === m))]))
  }

  /** Reads per article over the period's day documents (edge months) and month roll-ups (whole months). */
  async function mostRead(present: readonly Counters[]): Promise<StatsReport['articles']['mostRead']> {
    const reads = new Map<string, number>()
    for (const doc of present)
      for (const [field, count] of Object.entries(doc))
        if (field.startsWith(READS_PREFIX)) reads.set(field.slice(READS_PREFIX.length), (reads.get(field.slice(READS_PREFIX.length)) ?? 0) + (count as number))
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
      const readDays = dayReader(officeId)
      // Months wholly inside the period come from their roll-ups; only the edge months' days are read.
      const months = byMonth(days)
      const whole = [...months].filter(([month, dds]) => dds.length === daysInMonth(month)).map(([month]) => month)
      const edgeDays = days.filter((day) => !whole.includes(monthOf(day)))
      const [dayDocs, monthDocs, target, backlogNow, unhelpful] = await Promise.all([
        readDays(edgeDays),
        wholeMonths(whole, officeId),
        targetMinutes(),
        backlog(readDays, now),
        leastHelpful()
      ])
      const edgeDocs = new Map(edgeDays.map((day, i) => [day, dayDocs[i] ?? undefined]))
      const present = [...dayDocs, ...monthDocs.values()].filter((d): d is Counters => d !== null)
      const read = await mostRead(present)
      const firstResponse = durations(present, 'frt', 'frtSum')
      const scores = [1, 2, 3, 4, 5].map((s) => present.reduce((sum, d) => sum + n(d, `rate_${s}`), 0))
      const rated = scores.reduce((a, b) => a + b, 0)
      const drafts = present.reduce((s, d) => s + n(d, 'sugDrafts'), 0)
      const asked = present.reduce((s, d) => s + n(d, 'sugAsked'), 0)
      const within = countWithin(firstResponse.histogram, target)
      const rows = days.map((day) => {
        if (!edgeDocs.has(day)) {
          const m = monthDocs.get(monthOf(day)) ?? undefined
          const row = (name: string) => n(m, rowField(name, day))
          return {
            day,
            opened: row('opened'),
            resolved: row('resolved'),
            reopened: row('reopened'),
            firstResponses: row('firstResponses'),
            ratings: row('ratings')
          }
        }
        const d = edgeDocs.get(day)
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
