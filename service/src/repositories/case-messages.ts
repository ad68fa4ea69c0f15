import { Types } from 'mongoose'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import { changeAfterMessage, type AuthorKind } from '../domain/case-rules.js'
import type { StoredAttachment } from './attachments.js'
import type { StoredCase, StoredMessage } from './case-mapping.js'

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
  if (change.touchesActivity) Object.assign(set, { lastActivityAt: now, lastActivityBy: message.author.kind })
  if (message.author.kind === 'expert' && !message.internal && !existing.firstResponseAt) set.firstResponseAt = now
  try {
    const updated = await models.Case.findOneAndUpdate(
      { _id: existing._id, appId: existing.appId, officeId: existing.officeId },
      { $set: set, $inc: message.internal ? { internalNoteCount: 1 } : { messageCount: 1 } },
      { new: true }
    ).lean<StoredCase>()
    if (!updated) throw new AppError('CASE_NOT_FOUND')
    return { updated, stored: doc as StoredMessage }
  } catch (err) {
    await models.Message.deleteOne({ _id: doc._id }).catch(() => {})
    throw err
  }
}

const isDuplicateKey = (err: unknown): boolean => (err as { code?: number }).code === 11000

/**
 * Inserts a new case under the next number of its app. The number comes from a counter
 * (`findOneAndUpdate` + `$inc` + upsert), which is atomic on MongoDB. FerretDB 1.24 runs
 * that as read-then-write, so concurrent requests can get the same number: the unique
 * {appId, number} index refuses the second insert, the counter is lifted past the highest
 * number in use, and the insert is retried with a fresh number.
 */
export async function insertNumbered(models: Models, appId: string, insert: (number: number) => Promise<void>): Promise<number> {
  const key = `case-number:${appId}`
  for (let attempt = 0; ; attempt++) {
    let number: number
    try {
      const counter = await models.Counter.findOneAndUpdate({ _id: key }, { $inc: { seq: 1 } }, { upsert: true, new: true }).lean()
      number = counter!.seq
    } catch (err) {
      // Two first-ever upserts can race on the counter's _id; the loser simply retries.
      if (isDuplicateKey(err) && attempt < 20) continue
      throw err
    }
    try {
      await insert(number)
      return number
    } catch (err) {
      if (!isDuplicateKey(err) || attempt >= 20) throw err
      const highest = await models.Case.findOne({ appId }, { number: 1 }).sort({ number: -1 }).lean()
      if (highest) await models.Counter.updateOne({ _id: key }, { $max: { seq: highest.number } })
    }
  }
}
