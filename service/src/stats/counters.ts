import type { Activity } from '../events/activity.js'
import type { StoredCase } from '../models/case.js'
import { bucketField, bucketOf } from './buckets.js'

/**
 * What one fact adds to the counters: pure, so the live listener and the back-fill migration
 * count a case the same way. Every increment goes to the office's document and to the
 * all-offices one (`*`), so a report for all offices reads one document per day.
 *
 * Fields of a day document (`day` = UTC day of the fact):
 *   opened, resolved, reopened          cases opened / resolved / reopened that day
 *   frt_NN, frtSum                      first responses that day: histogram (buckets.ts), sum of seconds
 *   res_NN, resSum                      resolutions that day: time since the case was opened
 *   rate_1 … rate_5                     ratings given that day, per score
 *   open_HH                             cases opened in hour HH of that day and not resolved now
 *   sugDrafts, sugAsked                 drafts in which a suggestion was opened / cases sent after one
 *   reads_<articleId>                   reads of an article that day (increment kind `article`, field `reads`)
 * and of the `all` document: backlog     cases not resolved now
 */
export interface Increment {
  kind: 'day' | 'article'
  /** UTC `YYYY-MM-DD`, or `all` for the backlog total. */
  day: string
  officeId: string
  articleId?: string
  inc: Record<string, number>
}

export const ALL_OFFICES = '*'
export const BACKLOG_DAY = 'all'
/** Cases the live listener counts; a case without it is counted by the back-fill (migration 0004). */
export const LIVE = 'live'

export const dayOf = (at: Date): string => at.toISOString().slice(0, 10)
/** `YYYY-MM` of a day (`all` stays `all`). */
export const monthOf = (day: string): string => (day === BACKLOG_DAY ? day : day.slice(0, 7))
/**
 * The one field a report reads counters by: month and office (`2026-11|office-1`, `all|*`), a
 * top-level equality FerretDB pushes down to its GIN index, so a year is 13 queries, not 365.
 */
export const monthOfficeKey = (month: string, officeId: string): string => `${month}|${officeId}`
export const hourField = (at: Date): string => `open_${String(at.getUTCHours()).padStart(2, '0')}`
const seconds = (from: Date, to: Date): number => Math.max(0, (to.getTime() - from.getTime()) / 1000)

const day = (officeId: string, at: Date, inc: Record<string, number>): Increment => ({ kind: 'day', day: dayOf(at), officeId, inc })
const backlog = (officeId: string, delta: number): Increment => ({ kind: 'day', day: BACKLOG_DAY, officeId, inc: { backlog: delta } })

const isOpen = (status: string): boolean => status !== 'resolved'

/** A case entered the backlog: opened, or reopened after being resolved. */
const entersBacklog = (c: Pick<StoredCase, 'officeId' | 'createdAt'>): Increment[] => [
  day(c.officeId, c.createdAt, { [hourField(c.createdAt)]: 1 }),
  backlog(c.officeId, 1)
]

export function firstResponse(c: Pick<StoredCase, 'officeId' | 'createdAt'>, at: Date): Increment {
  const s = seconds(c.createdAt, at)
  return day(c.officeId, at, { [bucketField('frt', bucketOf(s))]: 1, frtSum: Math.round(s) })
}

export function resolution(c: Pick<StoredCase, 'officeId' | 'createdAt'>, at: Date): Increment[] {
  const s = seconds(c.createdAt, at)
  return [
    day(c.officeId, at, { resolved: 1, [bucketField('res', bucketOf(s))]: 1, resSum: Math.round(s) }),
    day(c.officeId, c.createdAt, { [hourField(c.createdAt)]: -1 }),
    backlog(c.officeId, -1)
  ]
}

export const opening = (c: Pick<StoredCase, 'officeId' | 'createdAt'>): Increment[] => [day(c.officeId, c.createdAt, { opened: 1 }), ...entersBacklog(c)]
export const rating = (officeId: string, score: number, at: Date, delta: 1 | -1): Increment => day(officeId, at, { [`rate_${score}`]: delta })

function statusChange(before: string, c: StoredCase, at: Date): Increment[] {
  if (isOpen(before) && !isOpen(c.status)) return resolution(c, at)
  if (!isOpen(before) && isOpen(c.status)) return [day(c.officeId, at, { reopened: 1 }), ...entersBacklog(c)]
  return []
}

const counted = (c: { statsBatch?: string | null }): boolean => c.statsBatch === LIVE

export function incrementsOf(activity: Activity): Increment[] {
  switch (activity.type) {
    case 'case.created': {
      const c = activity.case
      const asked = activity.afterSuggestion ? [day(c.officeId, c.createdAt, { sugAsked: 1 })] : []
      return [...(counted(c) ? opening(c) : []), ...asked]
    }
    case 'message.created': {
      const { case: c, message: m, before } = activity
      if (!counted(c)) return []
      const out: Increment[] = []
      // The reply that set firstResponseAt (appendMessage sets it to the message's own time).
      if (m.author.kind === 'expert' && !m.internal && c.firstResponseAt && c.firstResponseAt.getTime() === m.createdAt.getTime())
        out.push(firstResponse(c, m.createdAt))
      if (before) out.push(...statusChange(before.status, c, m.createdAt))
      return out
    }
    case 'case.updated':
      if (!counted(activity.case) || !activity.before || !activity.changes.includes('status')) return []
      return statusChange(activity.before.status, activity.case, activity.case.updatedAt)
    case 'case.rated': {
      const c = activity.case
      if (!c.rating) return []
      const out = [rating(c.officeId, c.rating.score, c.rating.ratedAt, 1)]
      if (activity.previous) out.push(rating(c.officeId, activity.previous.score, activity.previous.ratedAt, -1))
      return out
    }
    case 'help.opened': {
      const out: Increment[] = []
      if (activity.kind === 'article')
        out.push({ kind: 'article', day: dayOf(activity.at), officeId: activity.officeId, articleId: activity.id, inc: { reads: 1 } })
      if (activity.viaSuggestion) out.push(day(activity.officeId, activity.at, { sugDrafts: 1 }))
      return out
    }
    case 'presence':
    case 'audit':
      return []
  }
}

/** What a case as stored now contributes (the back-fill): its opening, first response, resolution and rating. */
export function incrementsOfStoredCase(c: StoredCase): Increment[] {
  const out = opening(c)
  if (c.firstResponseAt) out.push(firstResponse(c, c.firstResponseAt))
  // Cases keep no resolution time: the last write to a resolved case (`updatedAt`) stands in (ADR 0145).
  if (!isOpen(c.status)) out.push(...resolution(c, c.updatedAt))
  if (c.rating) out.push(rating(c.officeId, c.rating.score, c.rating.ratedAt, 1))
  return out
}
