import type { Types } from 'mongoose'
import type { CaseDoc } from '../models/case.js'
import type { MessageDoc } from '../models/message.js'
import { accountLabel } from '../domain/case-rules.js'
import type { AdminCase, AdminMessage, CaseSummary, Message } from '@ze/contract'
import { withId } from './map.js'

export type StoredCase = CaseDoc & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date }
export type StoredMessage = MessageDoc & { _id: Types.ObjectId; createdAt: Date }

/**
 * What both audiences see of a case, copied field by field so nothing else that is stored
 * (tenant keys, the experts' state) reaches a response by accident.
 */
function sharedFields(doc: StoredCase) {
  const c = withId(doc)
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    status: c.status,
    account: { type: c.account.type, id: c.account.id, name: c.account.name },
    entryPoint: c.entryPoint,
    aboutSystemUsage: c.aboutSystemUsage,
    messageCount: c.messageCount,
    createdAt: c.createdAt.toISOString(),
    createdBy: { id: c.createdBy.id, name: c.createdBy.name },
    lastActivityAt: c.lastActivityAt.toISOString(),
    lastActivityBy: c.lastActivityBy,
    rating: c.rating ? { score: c.rating.score, comment: c.rating.comment ?? null, ratedAt: c.rating.ratedAt.toISOString() } : null
  }
}

/** The chief's view of a case: only what end users may see, labelled in their locale. */
export function toCaseSummary(doc: StoredCase, locale: 'pl' | 'en'): CaseSummary {
  return {
    ...sharedFields(doc),
    accountLabel: accountLabel(doc.account, locale),
    unread: doc.chiefUnread,
    archived: doc.archived,
    lastAuthorName: doc.lastAuthorName ?? null,
    lastPreview: doc.lastPreview ?? null
  }
}

export function toAdminCase(doc: StoredCase, assignee: { id: string; name: string } | null): AdminCase {
  return {
    ...sharedFields(doc),
    appId: doc.appId,
    office: { id: doc.officeId, name: doc.officeName },
    package: { active: doc.packageActive, name: doc.packageName ?? null },
    context: { pageUrl: doc.context?.pageUrl ?? null, userAgent: doc.context?.userAgent ?? null },
    chiefEmail: doc.chiefEmail ?? null,
    assignee,
    firstResponseAt: doc.firstResponseAt ? doc.firstResponseAt.toISOString() : null,
    chiefUnread: doc.chiefUnread,
    archived: doc.archived,
    expertUnread: doc.expertUnread,
    internalNoteCount: doc.internalNoteCount
  }
}

/**
 * End users never receive internal notes; callers filter them out in the query, this drops the flag.
 * Nor do they receive expert database ids: an expert author is named by the public handle from
 * `expertHandles` (repositories/expert-handles.ts; issue 16, 7e). Experts keep the ids.
 */
export function toMessage(doc: StoredMessage, expertHandles: ReadonlyMap<string, string>): Message {
  return messageFields(doc, doc.author.kind === 'expert' ? (expertHandles.get(doc.author.id) ?? 'exp_unknown') : doc.author.id)
}

/** The expert database ids of a chief's messages, for `ExpertHandles.of`. */
export const expertAuthorIds = (docs: StoredMessage[]): string[] => docs.filter((d) => d.author.kind === 'expert').map((d) => d.author.id)

function messageFields(doc: StoredMessage, authorId: string): Message {
  const m = withId(doc)
  return {
    id: m.id,
    caseId: String(m.caseId),
    author: { kind: m.author.kind, id: authorId, name: m.author.name },
    body: m.body,
    attachments: m.attachments.map((a) => {
      const { id, filename, contentType, size } = withId(a)
      return { id, filename, contentType, size }
    }),
    createdAt: m.createdAt.toISOString()
  }
}

export function toAdminMessage(doc: StoredMessage): AdminMessage {
  return { ...messageFields(doc, doc.author.id), internal: doc.internal }
}
