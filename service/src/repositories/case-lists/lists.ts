import type { Types } from 'mongoose'

/** The case fields that decide list membership and order. */
export interface ListedCase {
  _id: Types.ObjectId
  appId: string
  officeId: string
  archived: boolean
  chiefUnread: boolean
  status: string
  assigneeId?: Types.ObjectId | null
  lastActivityAt: Date
}

/** Lists are ordered by (lastActivityAt, _id); a position compares the same way. */
export interface Position {
  t: number
  i: string
}

export const positionOf = (c: { lastActivityAt: Date; _id: Types.ObjectId }): Position => ({ t: c.lastActivityAt.getTime(), i: String(c._id) })

export const comparePositions = (a: Position, b: Position): number => (a.t !== b.t ? a.t - b.t : a.i < b.i ? -1 : a.i > b.i ? 1 : 0)

const view = (c: ListedCase) => (c.archived ? 'archived' : 'active')

/**
 * Every list a case belongs to, one per field. Each hot read names one list (or two merged):
 * the chief's active/archived list, the same split by unread, all cases of a status (all open,
 * waiting for the customer), and an assignee's (or nobody's) open / other cases.
 */
export const LIST_FIELDS = {
  listSeg: (c: ListedCase) => `c|${c.appId}|${c.officeId}|${view(c)}`,
  unreadSeg: (c: ListedCase) => `u|${c.appId}|${c.officeId}|${view(c)}|${c.chiefUnread ? 1 : 0}`,
  statusSeg: (c: ListedCase) => `s|${c.status}`,
  assigneeSeg: (c: ListedCase) => `a|${c.assigneeId ? String(c.assigneeId) : 'none'}|${c.status === 'open' ? 'open' : 'rest'}`
} as const

export type ListField = keyof typeof LIST_FIELDS
export const listFields = Object.keys(LIST_FIELDS) as ListField[]

export const chiefList = (appId: string, officeId: string, archived: boolean) => `c|${appId}|${officeId}|${archived ? 'archived' : 'active'}`
export const chiefUnreadList = (appId: string, officeId: string, archived: boolean, unread: boolean) =>
  `u|${appId}|${officeId}|${archived ? 'archived' : 'active'}|${unread ? 1 : 0}`
export const statusList = (status: string) => `s|${status}`
export const assigneeList = (assignee: string | null, phase: 'open' | 'rest') => `a|${assignee ?? 'none'}|${phase}`

/** A segment's id names its list, so a case's field value alone says which list it is in. */
export const listOfSegment = (segment: string): string => segment.slice(0, segment.lastIndexOf('#'))
