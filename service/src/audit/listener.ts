import type { AuditActor } from '@ze/contract'
import type { Activity, ActivityListener } from '../events/activity.js'
import type { StoredCase } from '../models/case.js'
import type { StoredMessage } from '../models/message.js'
import { actorOf, currentRequest, originOf } from './context.js'
import type { AuditInput, AuditLog } from './log.js'

const caseScope = (c: StoredCase) => ({ caseId: String(c._id), appId: c.appId, officeId: c.officeId })

function authorActor(c: StoredCase, author: StoredMessage['author']): AuditActor {
  if (author.kind === 'chief') return { kind: 'chief', id: author.id, name: author.name, appId: c.appId, officeId: c.officeId }
  if (author.kind === 'expert') return { kind: 'expert', id: author.id, name: author.name, appId: null, officeId: null }
  return { kind: 'system', id: author.id, name: author.name, appId: null, officeId: null }
}

function messageInputs(c: StoredCase, m: StoredMessage, action: string, detail: AuditInput['detail'] = {}): AuditInput[] {
  const actor = authorActor(c, m.author)
  const scope = caseScope(c)
  return [
    {
      action,
      target: action === 'case.created' ? { type: 'case', id: scope.caseId } : { type: 'message', id: String(m._id) },
      actor,
      ...scope,
      detail: { ...detail, internal: m.internal, attachments: m.attachments.length }
    },
    ...m.attachments.map((a): AuditInput => ({
      action: 'attachment.uploaded',
      target: { type: 'attachment', id: String(a._id) },
      actor,
      ...scope,
      detail: { size: a.size, contentType: a.contentType }
    }))
  ]
}

/** What the audit log keeps of an activity: ids and small facts, never a message body or file name. */
export function toAuditInputs(activity: Activity): AuditInput[] {
  switch (activity.type) {
    case 'case.created':
      return messageInputs(activity.case, activity.message, 'case.created', { number: activity.case.number })
    case 'message.created':
      return messageInputs(activity.case, activity.message, activity.message.internal ? 'note.created' : 'message.created')
    case 'case.updated': {
      const c = activity.case
      const actor: AuditActor =
        activity.actor.kind === 'chief' ? { ...activity.actor, appId: c.appId, officeId: c.officeId } : { ...activity.actor, appId: null, officeId: null }
      const detail = { changes: activity.changes.join(','), status: c.status, assigneeId: c.assigneeId ? String(c.assigneeId) : null }
      return [{ action: 'case.updated', target: { type: 'case', id: String(c._id) }, actor, ...caseScope(c), detail }]
    }
    // Presence is who looks at a case right now; the open itself is audited as `case.viewed`.
    case 'presence':
      return []
    case 'audit':
      return [activity.audit]
    // Counted by the statistics; the routes that cause them audit what needs auditing.
    case 'case.rated':
    case 'help.opened':
      return []
  }
}

/**
 * The audit log as a listener of the one activity recorder: every write that reports an
 * activity is audited without a second hook. The actor and origin come from the request
 * the activity was recorded in, unless the activity names them.
 */
export function auditListener(log: AuditLog): ActivityListener {
  return async (activities) => {
    const request = currentRequest()
    const origin = request ? originOf(request) : undefined
    const inputs = activities.flatMap(toAuditInputs).map((input) => ({ ...input, actor: input.actor ?? actorOf(request), origin: input.origin ?? origin }))
    await log.append(inputs)
  }
}
