import type { FastifyBaseLogger } from 'fastify'
import type { StoredCase } from '../models/case.js'
import type { StoredMessage } from '../models/message.js'
import type { AuditInput } from '../audit/log.js'

export type PresenceState = 'viewing' | 'typing' | 'left'
export type CaseChangeKind = 'status' | 'assignee' | 'read' | 'archived' | 'unarchived'
export interface Actor {
  kind: 'chief' | 'expert'
  id: string
  name: string
}

/**
 * Something that happened to a case, as the code that made it happen knows it: the stored
 * documents after the write. Repositories report every write that matters through
 * `ActivityRecorder.record` in the same code path; the event feed and the notification
 * outbox are listeners, so neither can be forgotten by a new write path.
 */
export type Activity =
  /** `afterSuggestion`: the chief opened a suggested article or thread while writing it (statistics: deflection). */
  | { type: 'case.created'; case: StoredCase; message: StoredMessage; afterSuggestion?: boolean }
  /** `case` is the case after the message was applied (status, unread flags); `before` as it was. */
  | { type: 'message.created'; case: StoredCase; message: StoredMessage; before?: StoredCase }
  /** `before` is the case as it was, where the write path read it (status and assignee changes). */
  | { type: 'case.updated'; case: StoredCase; before?: StoredCase; changes: CaseChangeKind[]; actor: Actor }
  | { type: 'presence'; case: StoredCase; expert: { id: string; name: string }; state: PresenceState; expiresAt: Date }
  /** An act only the audit log keeps (reads, sessions, articles, forum, keys): no live event, no notification. */
  | { type: 'audit'; audit: AuditInput }
  /** Facts only the statistics count (stats/): no live event, no notification, no audit record of their own. */
  | StatsOnlyActivity

/** The chief rated a case (`previous`: the rating it replaced); an end user opened an article or thread. */
export type StatsOnlyActivity =
  | { type: 'case.rated'; case: StoredCase; previous: { score: number; ratedAt: Date } | null }
  | { type: 'help.opened'; kind: 'article' | 'thread'; id: string; appId: string; officeId: string; at: Date; viaSuggestion: boolean }

/** The activities that concern a case and feed live events and notifications. */
export type CaseActivity = Exclude<Activity, { type: 'audit' } | StatsOnlyActivity>
export const isCaseActivity = (activity: Activity): activity is CaseActivity =>
  activity.type !== 'audit' && activity.type !== 'case.rated' && activity.type !== 'help.opened'

/** Receives every batch of activities once the write they describe is stored. */
export type ActivityListener = (activities: readonly Activity[]) => Promise<void>

export interface ActivityRecorder {
  /** Adds a listener; they run in the order added (the event feed first). */
  use(name: string, listener: ActivityListener): void
  /**
   * Reports activities after their write succeeded. There are no transactions, so a
   * failing listener cannot undo the write: it is logged and the request still succeeds
   * (a 5xx would make the client repeat a write that is already stored).
   */
  record(...activities: Activity[]): Promise<void>
}

export function createActivityRecorder(log: FastifyBaseLogger): ActivityRecorder {
  const listeners: Array<{ name: string; listener: ActivityListener }> = []
  return {
    use(name, listener) {
      listeners.push({ name, listener })
    },
    async record(...activities) {
      if (activities.length === 0) return
      for (const { name, listener } of listeners) {
        try {
          await listener(activities)
        } catch (err) {
          log.error({ err, listener: name, types: activities.map((a) => a.type) }, 'recording activity failed')
        }
      }
    }
  }
}
