import type { AdminCaseCreatedEvent, AdminCaseUpdatedEvent, AdminMessageCreatedEvent, AdminPresenceEvent, CaseEvent, MessageEvent } from '@ze/contract'
import type { FeedEvent } from './feed.js'

export interface Frame {
  event: string
  /** The feed's sequence number; absent for state snapshots such as `unread`. */
  id?: number
  data: unknown
}

/**
 * What an office chief's stream shows of a feed event. The caller has already matched the
 * tenant; internal notes and presence never become a frame.
 */
export function chiefFrame(e: FeedEvent): Frame | null {
  switch (e.type) {
    case 'message.created':
      if (e.data.internal) return null
      return { event: 'message', id: e.seq, data: { caseId: e.caseId, messageId: e.data.messageId } satisfies MessageEvent }
    case 'case.created':
      return { event: 'case', id: e.seq, data: { caseId: e.caseId, status: e.data.status } satisfies CaseEvent }
    case 'case.updated':
      // Assignment is the experts' business; the chief sees status and their own read/archive changes.
      if (e.data.changes.every((c) => c === 'assignee')) return null
      return { event: 'case', id: e.seq, data: { caseId: e.caseId, status: e.data.status } satisfies CaseEvent }
    case 'presence':
      return null
  }
}

/** Whether the chief's unread count may have changed (recounted once per office, not per client). */
export function changesUnread(e: FeedEvent): boolean {
  if (e.type === 'message.created') return !e.data.internal
  if (e.type === 'case.updated') return e.data.changes.some((c) => c === 'read' || c === 'archived' || c === 'unarchived')
  return false
}

/** What experts see: every office, internal notes included (ids only, never bodies). */
export function adminFrame(e: FeedEvent): Frame {
  const tenant = { caseId: e.caseId, appId: e.appId, officeId: e.officeId }
  switch (e.type) {
    case 'case.created':
      return { event: 'case.created', id: e.seq, data: { ...tenant, ...e.data } satisfies AdminCaseCreatedEvent }
    case 'case.updated':
      return { event: 'case.updated', id: e.seq, data: { ...tenant, ...e.data } satisfies AdminCaseUpdatedEvent }
    case 'message.created':
      return { event: 'message.created', id: e.seq, data: { ...tenant, ...e.data } satisfies AdminMessageCreatedEvent }
    case 'presence':
      return { event: 'presence', id: e.seq, data: { ...tenant, ...e.data } satisfies AdminPresenceEvent }
  }
}

export function encodeFrame(frame: Frame): string {
  return `${frame.id === undefined ? '' : `id: ${frame.id}\n`}event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`
}
