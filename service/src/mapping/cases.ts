import type { StoredCase } from '../models/case.js'
import type { StoredMessage } from '../models/message.js'
import { accountLabel } from '../domain/case-rules.js'
import type { AdminCase, AdminMessage, CaseSummary, Message } from '@ze/contract'
import { withId } from './with-id.js'

type Locale = 'pl' | 'en'
/** An expert's database id → their name, for the experts' views. */
export type Assignees = ReadonlyMap<string, { id: string; name: string }>
// Messages the chief writes have no expert author to name.
const NO_EXPERTS: ReadonlyMap<string, string> = new Map()

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
export function toCaseSummary(doc: StoredCase, locale: Locale): CaseSummary {
  return {
    ...sharedFields(doc),
    accountLabel: accountLabel(doc.account, locale),
    unread: doc.chiefUnread,
    archived: doc.archived,
    lastAuthorName: doc.lastAuthorName ?? null,
    lastPreview: doc.lastPreview ?? null
  }
}

/** A page of the chief's list (keeps `nextCursor` and, on the first page, `total`). */
export const toCasePage = <P extends { items: StoredCase[] }>(page: P, locale: Locale) => ({ ...page, items: page.items.map((d) => toCaseSummary(d, locale)) })

/** A case and the message the chief just wrote in it (create, reply). */
export const toCaseWithMessage = (written: { case: StoredCase; message: StoredMessage }, locale: Locale) => ({
  case: toCaseSummary(written.case, locale),
  message: toMessage(written.message, NO_EXPERTS)
})

export const toCaseDetail = (detail: { case: StoredCase; messages: StoredMessage[]; expertHandles: ReadonlyMap<string, string> }, locale: Locale) => ({
  case: toCaseSummary(detail.case, locale),
  messages: detail.messages.map((m) => toMessage(m, detail.expertHandles))
})

/** An assignee the lookup did not find (removed meanwhile) keeps its id under the name "?". */
export function toAdminCase(doc: StoredCase, assignees: Assignees): AdminCase {
  const assignee = doc.assigneeId ? (assignees.get(String(doc.assigneeId)) ?? { id: String(doc.assigneeId), name: '?' }) : null
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

/** A case as experts see it, from a repository answer that carries its assignees' names. */
export const toAdminCaseOf = (found: { case: StoredCase; assignees: Assignees }) => toAdminCase(found.case, found.assignees)

export const toAdminQueuePage = (page: { items: StoredCase[]; assignees: Assignees; nextCursor: string | null }) => ({
  items: page.items.map((d) => toAdminCase(d, page.assignees)),
  nextCursor: page.nextCursor
})

export const toAdminCaseDetail = (found: { case: StoredCase; assignees: Assignees; messages: StoredMessage[] }) => ({
  case: toAdminCaseOf(found),
  messages: found.messages.map(toAdminMessage)
})

export const toAdminCaseWithMessage = (written: { case: StoredCase; assignees: Assignees; message: StoredMessage }) => ({
  case: toAdminCaseOf(written),
  message: toAdminMessage(written.message)
})
