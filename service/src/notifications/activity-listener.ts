import type { Activity, ActivityListener } from '../events/activity.js'
import type { StoredCase } from '../models/case.js'
import type { CaseEvents } from './notifier.js'

/**
 * Connects the notifications to the one place every case write reports to
 * (`fastify.activity`), so the outbox is written in the same code path as the event feed.
 */
export function notificationListener(events: CaseEvents): ActivityListener {
  return async (activities: readonly Activity[]) => {
    const read: StoredCase[] = []
    for (const a of activities) {
      if (a.type === 'case.created') await events.caseCreated(a.case, a.message)
      else if (a.type === 'message.created') await events.messageCreated(a.case, a.message)
      else if (a.type === 'case.updated') {
        if (a.changes.includes('read')) read.push(a.case)
        if (a.before && (a.changes.includes('status') || a.changes.includes('assignee'))) await events.caseUpdated(a.before, a.case)
      }
    }
    if (read.length > 0) await events.casesRead(read)
  }
}
