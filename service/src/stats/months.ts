import { BACKLOG_DAY } from './counters.js'

/**
 * Month roll-ups (ADR 0145): each counted fact also goes to a document per month, office and
 * shard (`stats_monthly`), so a report reads whole months as one document per shard instead of
 * every day's. A month document holds
 *   - every day counter summed over the month (`opened`, `frt_NN`, `rate_N`, `sugDrafts`, the
 *     reads of each article `reads_<articleId>`, …), except `open_HH`: the backlog reads only the
 *     last four days' day documents, never months;
 *   - the day rows the report shows, per day: `opened_DD`, `resolved_DD`, `reopened_DD`,
 *     `firstResponses_DD`, `ratings_DD`.
 * Article ids are ObjectId hex, safe as field names.
 * The month of an increment is the month of its day, so a fact that changes a past day (a
 * replaced rating subtracted on its own day) changes that day's month the same way.
 */
export const yearOfficeKey = (month: string, officeId: string): string => `${month.slice(0, 4)}|${officeId}`

/** The day row a day counter adds to (`frt_NN` counts a first response, `rate_N` a rating), or null. */
export function rowOf(field: string): string | null {
  if (field === 'opened' || field === 'resolved' || field === 'reopened') return field
  if (/^frt_\d\d$/.test(field)) return 'firstResponses'
  if (/^rate_\d$/.test(field)) return 'ratings'
  return null
}

export const ROWS = ['opened', 'resolved', 'reopened', 'firstResponses', 'ratings'] as const
export const rowField = (row: string, day: string): string => `${row}_${day.slice(8, 10)}`
export const READS_PREFIX = 'reads_'
export const readsField = (articleId: string): string => `${READS_PREFIX}${articleId}`

/** Adds what a day document's counters (`inc`, of `day`) contribute to its month's document into `into`. */
export function addDayToMonth(day: string, inc: Readonly<Record<string, number>>, into: Record<string, number>): void {
  if (day === BACKLOG_DAY) return
  const add = (field: string, n: number) => (into[field] = (into[field] ?? 0) + n)
  for (const [field, n] of Object.entries(inc)) {
    if (field.startsWith('open_')) continue
    add(field, n)
    const row = rowOf(field)
    if (row) add(rowField(row, day), n)
  }
}
