import { Types } from 'mongoose'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import { changeAfterMessage, previewOf, type AuthorKind } from '../domain/case-rules.js'
import type { StoredAttachment } from './attachments.js'
import type { StoredCase } from '../models/case.js'
import type { StoredMessage } from '../models/message.js'
import type { CaseListStore } from './case-lists/index.js'

export interface NewMessage {
  author: { kind: Exclude<AuthorKind, 'system'>; id: string; name: string }
  body: string
  internal: boolean
  attachments: StoredAttachment[]
}

export const messageDoc = (c: { _id: Types.ObjectId; appId: string; officeId: string }, m: NewMessage, now: Date) => ({
  _id: new Types.ObjectId(),
  caseId: c._id,
  appId: c.appId,
  officeId: c.officeId,
  author: m.author,
  body: m.body,
  internal: m.internal,
  attachments: m.attachments,
  createdAt: now
})

/**
 * Adds a message to an existing case and applies its effect on status and unread flags.
 * There are no transactions on FerretDB: the message is written first, then the case; if
 * the case update fails the message is removed again (best effort) and the error surfaces.
 */
export async function appendMessage(
  models: Models,
  lists: CaseListStore,
  existing: StoredCase,
  message: NewMessage,
  alsoSet: Record<string, unknown> = {}
): Promise<{ updated: StoredCase; stored: StoredMessage }> {
  const now = new Date()
  const doc = messageDoc(existing, message, now)
  await models.Message.create(doc)
  const change = changeAfterMessage(message.author.kind, message.internal)
  const set: Record<string, unknown> = { ...alsoSet }
  if (change.status) set.status = change.status
  if (change.chiefUnread !== undefined) set.chiefUnread = change.chiefUnread
  if (change.expertUnread !== undefined) set.expertUnread = change.expertUnread
  if (change.archived !== undefined) set.archived = change.archived
  if (change.touchesActivity)
    Object.assign(set, { lastActivityAt: now, lastActivityBy: message.author.kind, lastAuthorName: message.author.name, lastPreview: previewOf(message.body) })
  if (message.author.kind === 'expert' && !message.internal && !existing.firstResponseAt) set.firstResponseAt = now
  // The case's lists move in the same update (docs/adr/0100-bounded-hot-queries.md).
  const placed = await lists.plan(existing, { ...existing, ...set } as StoredCase)
  try {
    const updated = await models.Case.findOneAndUpdate(
      { _id: existing._id },
      { $set: { ...set, ...placed.set }, $inc: message.internal ? { internalNoteCount: 1 } : { messageCount: 1 } },
      { new: true }
    ).lean<StoredCase>()
    if (!updated) throw new AppError('CASE_NOT_FOUND')
    await placed.commit()
    return { updated, stored: doc as StoredMessage }
  } catch (err) {
    await placed.abort().catch(() => {})
    await models.Message.deleteOne({ _id: doc._id }).catch(() => {})
    throw err
  }
}
