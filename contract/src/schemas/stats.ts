import { Type, type Static } from 'typebox'
import { Nullable, iso } from './common.js'

/**
 * Statistics ("Statystyki") for experts: counters pre-aggregated per UTC day and office as
 * events arrive (docs/adr/0145-statistics-pre-aggregated-per-day.md). Durations are kept in
 * fixed buckets; these bounds (minutes) are the bucket edges and the response-time targets an
 * admin may choose, so "answered within the target" is exact.
 */
export const STATS_BOUND_MINUTES = [
  1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440, 2160, 2880, 4320, 7200, 10080, 20160, 43200
] as const
/** The longest period one report covers (one document per day is read). */
export const STATS_MAX_DAYS = 366
export const STATS_DEFAULT_TARGET_MINUTES = 240

const Day = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-11-03'] })
const count = (description?: string) => Type.Integer({ minimum: 0, ...(description ? { description } : {}) })
const TargetMinutes = Type.Integer({ enum: [...STATS_BOUND_MINUTES], description: 'A response-time target in minutes: one of the bucket bounds' })

export const StatsQuery = Type.Object(
  {
    from: { ...Day, description: 'First day (UTC), inclusive' },
    to: { ...Day, description: `Last day (UTC), inclusive; at most ${STATS_MAX_DAYS} days after from` },
    officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'One office; all offices when absent' }))
  },
  { additionalProperties: false }
)

/** A bucket of durations: [fromMinutes, toMinutes); `toMinutes` null = open-ended. */
const DurationRange = Type.Object({ fromMinutes: Type.Number(), toMinutes: Nullable(Type.Number()) }, { additionalProperties: false })

const DurationSummary = Type.Object(
  {
    count: count(),
    meanSeconds: Nullable(Type.Number()),
    median: Nullable(DurationRange, { description: 'The bucket holding the median (nearest rank)' }),
    p90: Nullable(DurationRange, { description: 'The bucket holding the 90th percentile (nearest rank)' }),
    histogram: Type.Array(count(), { description: 'Counts per bucket, in the order of the bounds' })
  },
  { additionalProperties: false }
)

const StatsDayRow = Type.Object(
  {
    day: Day,
    opened: count(),
    resolved: count(),
    reopened: count(),
    firstResponses: count(),
    ratings: count()
  },
  { additionalProperties: false }
)

const ArticleRef = { articleId: Type.String(), title: Type.String(), slug: Type.String() }

export const StatsReport = Type.Object(
  {
    from: Day,
    to: Day,
    officeId: Nullable(Type.String()),
    generatedAt: iso('2026-11-30T10:00:00.000Z'),
    boundsMinutes: Type.Array(Type.Number(), { description: 'The bucket bounds of every histogram' }),
    days: Type.Array(StatsDayRow, { description: 'One row per day of the period, oldest first' }),
    totals: Type.Object({ opened: count(), resolved: count(), reopened: count() }, { additionalProperties: false }),
    firstResponse: { ...DurationSummary, description: 'First expert answers given in the period: time since the case was opened' },
    resolution: { ...DurationSummary, description: 'Resolutions in the period: time since the case was opened' },
    withinTarget: Type.Object(
      {
        targetMinutes: Type.Number(),
        answered: count('First responses in the period'),
        within: count('Of those, given sooner than the target'),
        share: Nullable(Type.Number({ minimum: 0, maximum: 1 }))
      },
      { additionalProperties: false }
    ),
    backlog: Type.Object(
      {
        at: iso('2026-11-30T10:00:00.000Z'),
        under4h: count(),
        under24h: count('4 to 24 hours'),
        under3d: count('1 to 3 days'),
        older: count(),
        total: count()
      },
      { additionalProperties: false, description: 'Cases not resolved now, by whole hours since the hour they were opened (not limited to the period)' }
    ),
    satisfaction: Type.Object(
      {
        count: count('Ratings given in the period (a replaced rating counts once, as the latest)'),
        average: Nullable(Type.Number()),
        scores: Type.Array(count(), { minItems: 5, maxItems: 5, description: 'Ratings 1…5' })
      },
      { additionalProperties: false }
    ),
    articles: Type.Object(
      {
        mostRead: Type.Array(Type.Object({ ...ArticleRef, reads: count() }, { additionalProperties: false }), {
          description: 'Reads in the period, most first (at most 10)'
        }),
        leastHelpful: Type.Array(Type.Object({ ...ArticleRef, helpful: count(), notHelpful: count() }, { additionalProperties: false }), {
          description: '"Czy to pomogło?" votes of all time and all offices, most "no" votes first (at most 10)'
        })
      },
      { additionalProperties: false }
    ),
    deflection: Type.Object(
      {
        draftsWithSuggestion: count('Questions being written in which a suggested article or thread was opened'),
        askedAfterSuggestion: count('Of those, questions sent anyway'),
        deflected: count(),
        share: Nullable(Type.Number({ minimum: 0, maximum: 1 }))
      },
      { additionalProperties: false }
    )
  },
  { additionalProperties: false }
)

export const StatsSettings = Type.Object({ targetMinutes: TargetMinutes }, { additionalProperties: false, examples: [{ targetMinutes: 240 }] })

export type StatsQuery = Static<typeof StatsQuery>
export type StatsReport = Static<typeof StatsReport>
export type StatsSettings = Static<typeof StatsSettings>
