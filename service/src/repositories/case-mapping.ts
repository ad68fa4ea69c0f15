import type { Types } from 'mongoose'
import type { CaseDoc } from '../models/case.js'
import type { MessageDoc } from '../models/message.js'
import { accountLabel } from '../domain/case-rules.js'
import type { AdminCase, AdminMessage, CaseSummary, Message } from '../schemas/cases.js'
import { withId } from './map.js'

export type StoredCase = CaseDoc & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date }
export type StoredMessage = MessageDoc & { _id: Types.ObjectId; createdAt: Date }

/** The chief's view of a case: only what end users may see, labelled in their locale. */
export function toCaseSummary(doc: StoredCase, locale: 'pl' | 'en'): CaseSummary {
  const c = withId(doc)
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    status: c.status,
    account: { type: c.account.type, id: c.account.id, name: c.account.name },
    accountLabel: accountLabel(c.account, locale),
    entryPoint: c.entryPoint,
    aboutSystemUsage: c.aboutSystemUsage,
    unread: c.chiefUnread,
    archived: c.archived,
    messageCount: c.messageCount,
    createdAt: c.createdAt.toISOString(),
    createdBy: { id: c.createdBy.id, name: c.createdBy.name },
    lastActivityAt: c.lastActivityAt.toISOString(),
    lastActivityBy: c.lastActivityBy
  }
}

export function toAdminCase(doc: StoredCase, assignee: { id: string; name: string } | null): AdminCase {
  const c = withId(doc)
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    status: c.status,
    appId: c.appId,
    office: { id: c.officeId, name: c.officeName },
    account: { type: c.account.type, id: c.account.id, name: c.account.name },
    entryPoint: c.entryPoint,
    aboutSystemUsage: c.aboutSystemUsage,
    package: { active: c.packageActive, name: c.packageName ?? null },
    context: { pageUrl: c.context?.pageUrl ?? null, userAgent: c.context?.userAgent ?? null },
    assignee,
    createdAt: c.createdAt.toISOString(),
    createdBy: { id: c.createdBy.id, name: c.createdBy.name },
    lastActivityAt: c.lastActivityAt.toISOString(),
    lastActivityBy: c.lastActivityBy,
    firstResponseAt: c.firstResponseAt ? c.firstResponseAt.toISOString() : null,
    chiefUnread: c.chiefUnread,
    archived: c.archived,
    expertUnread: c.expertUnread,
    messageCount: c.messageCount,
    internalNoteCount: c.internalNoteCount
  }
}

/** End users never receive internal notes; callers filter them out in the query, this drops the flag. */
export function toMessage(doc: StoredMessage): Message {
  const m = withId(doc)
  return {
    id: m.id,
    caseId: String(m.caseId),
    author: { kind: m.author.kind, id: m.author.id, name: m.author.name },
    body: m.body,
    attachments: m.attachments.map((a) => {
      const { id, filename, contentType, size } = withId(a)
      return { id, filename, contentType, size }
    }),
    createdAt: m.createdAt.toISOString()
  }
}

export function toAdminMessage(doc: StoredMessage): AdminMessage {
  return { ...toMessage(doc), internal: doc.internal }
}
