import { STATS_BOUND_MINUTES } from '@ze/contract'

/**
 * Fixed duration buckets shared by every day, office and service instance (docs/adr/0145): a
 * histogram is a set of counters, so two days, two offices or two instances' increments merge
 * by addition, and a median or p90 over any period is read from the summed counters. The
 * bounds are the targets an admin may choose, so "answered within the target" is exact.
 */
export const BOUND_MINUTES = STATS_BOUND_MINUTES
/** One bucket per gap between bounds plus the open-ended last one. */
export const BUCKETS = BOUND_MINUTES.length + 1

/** Index of the bucket holding a duration: bucket i is [BOUND[i-1], BOUND[i]) minutes. */
export function bucketOf(seconds: number): number {
  const minutes = Math.max(0, seconds) / 60
  for (let i = 0; i < BOUND_MINUTES.length; i++) if (minutes < BOUND_MINUTES[i]!) return i
  return BOUND_MINUTES.length
}

export const bucketRange = (i: number): { fromMinutes: number; toMinutes: number | null } => ({
  fromMinutes: i === 0 ? 0 : BOUND_MINUTES[i - 1]!,
  toMinutes: i < BOUND_MINUTES.length ? BOUND_MINUTES[i]! : null
})

export const bucketField = (prefix: 'frt' | 'res', i: number): string => `${prefix}_${String(i).padStart(2, '0')}`

/**
 * The nearest-rank quantile (the smallest value with at least q·n values at or below it) as
 * the bucket it falls in: exact to the bucket, whatever the period or number of instances.
 */
export function quantileBucket(counts: readonly number[], q: number): number | null {
  const n = counts.reduce((a, b) => a + b, 0)
  if (n === 0) return null
  const rank = Math.max(1, Math.ceil(q * n))
  let seen = 0
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i]!
    if (seen >= rank) return i
  }
  return counts.length - 1
}

/** Counts in buckets below the bound `targetMinutes` (a bound of BOUND_MINUTES). */
export function countWithin(counts: readonly number[], targetMinutes: number): number {
  const limit = BOUND_MINUTES.indexOf(targetMinutes as (typeof BOUND_MINUTES)[number])
  if (limit < 0) throw new Error(`${targetMinutes} is not a bucket bound`)
  return counts.slice(0, limit + 1).reduce((a, b) => a + b, 0)
}

/** Backlog ages (whole hours since the hour the case was opened), as the view shows them. */
export const BACKLOG_AGES = [
  { key: 'under4h', belowHours: 4 },
  { key: 'under24h', belowHours: 24 },
  { key: 'under3d', belowHours: 72 },
  { key: 'older', belowHours: Infinity }
] as const
export type BacklogAge = (typeof BACKLOG_AGES)[number]['key']

export const backlogAgeOf = (ageHours: number): BacklogAge => BACKLOG_AGES.find((a) => ageHours < a.belowHours)!.key
