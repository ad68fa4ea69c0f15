import { randomBytes } from 'node:crypto'
import type { Types } from 'mongoose'
import type { Models } from '../models/index.js'
import type { AttachmentsRepository } from '../repositories/attachments.js'
import { touchOffice } from '../repositories/case-lists/index.js'
import type { AuditLog } from '../audit/log.js'
import { ERASED_NAME } from './names.js'
import { escapeRegex } from '../repositories/cursor.js'
import { reporterHash } from '../repositories/forum-reports.js'

export interface ErasureRequest {
  appId: string
  officeId: string
  /** The host app's user id (`sub` of the identity token). */
  userId: string
}

export interface ErasureReport {
  pseudonymId: string
  cases: number
  messages: number
  attachmentsDeleted: number
  forumThreads: number
  forumPosts: number
  articleVotes: number
  notificationsDeleted: number
  auditRecordsPseudonymised: number
}

const tenantUser = (req: ErasureRequest) => ({ appId: req.appId, officeId: req.officeId, userId: req.userId })

/**
 * Erases one host-app user on request (RODO art. 17): wherever their name, id, e-mail or
 * device data is stored it is replaced by a random pseudonym; what they wrote stays (the
 * office's case history and the forum keep making sense, per docs/privacy.md) but every file
 * they uploaded is deleted with its GridFS chunks. The audit log keeps its records under the
 * pseudonym and gains one record of the erasure itself, without content.
 *
 * Reads are scoped by equality on (appId, officeId) — pushed down by FerretDB — and the
 * person is matched within that scope.
 */
export async function eraseUser(models: Models, attachments: AttachmentsRepository, auditLog: AuditLog, req: ErasureRequest): Promise<ErasureReport> {
  const tenant = { appId: req.appId, officeId: req.officeId }
  const pseudonym = { id: `erased-${randomBytes(8).toString('hex')}`, name: ERASED_NAME }

  const cases = await models.Case.find({ ...tenant, 'createdBy.id': req.userId }, { chiefEmail: 1, createdBy: 1 }).lean()
  const names = [...new Set(cases.map((c) => c.createdBy.name))]
  const emails = new Set(cases.map((c) => c.chiefEmail).filter((e): e is string => Boolean(e)))
  if (cases.length > 0) {
    await models.Case.updateMany(
      { _id: { $in: cases.map((c) => c._id) } },
      { $set: { createdBy: pseudonym, chiefEmail: null, 'context.userAgent': null, 'context.pageUrl': null } }
    )
  }

  // Case lists show the latest public author's name.
  if (names.length > 0)
    await models.Case.updateMany({ ...tenant, lastActivityBy: 'chief', lastAuthorName: { $in: names } }, { $set: { lastAuthorName: pseudonym.name } })

  // Cached list pages show both names.
  if (cases.length > 0 || names.length > 0) await touchOffice(models, tenant)

  const authored = { ...tenant, 'author.kind': 'chief', 'author.id': req.userId }
  const messages = await models.Message.find(authored, { attachments: 1 }).lean()
  const fileIds: Types.ObjectId[] = messages.flatMap((m) => m.attachments.map((a) => a._id))
  // Files first: a message that still lists a deleted file would only answer 404 for it.
  await attachments.deleteFiles(fileIds)
  if (messages.length > 0)
    await models.Message.updateMany({ _id: { $in: messages.map((m) => m._id) } }, { $set: { author: { kind: 'chief', ...pseudonym }, attachments: [] } })

  const forumAuthor = { appId: req.appId, 'author.kind': 'user', 'author.id': req.userId }
  const threads = await models.ForumThread.updateMany(forumAuthor, { $set: { 'author.id': pseudonym.id, 'author.name': pseudonym.name } })
  const posts = await models.ForumPost.updateMany(forumAuthor, { $set: { 'author.id': pseudonym.id, 'author.name': pseudonym.name } })
  // "Zgłoś" reports stay (the experts still need them), counted under the pseudonym.
  await models.ForumReport.updateMany({ reporterHash: reporterHash(req) }, { $set: { reporterHash: reporterHash({ appId: req.appId, userId: pseudonym.id }) } })

  // Mail not yet sent to the person, and their unsubscribe record for this app.
  let notificationsDeleted = 0
  for (const email of emails) {
    notificationsDeleted += (await models.Outbox.deleteMany({ 'mail.to': email, state: 'pending' })).deletedCount
    await models.MailRecipient.deleteMany({ _id: `app:${req.appId}:${email.toLowerCase()}` })
  }
  // The live feed keeps author names for a day; rename them too.
  const caseIds = cases.map((c) => String(c._id))
  if (caseIds.length > 0)
    await models.Event.updateMany(
      { caseId: { $in: caseIds }, 'data.author.id': req.userId },
      { $set: { 'data.author.id': pseudonym.id, 'data.author.name': pseudonym.name } }
    )

  // "Czy to pomogło?" votes: the vote counts, the voter's id does not stay.
  const votes = await models.ArticleFeedback.updateMany(tenantUser(req), { $set: { userId: pseudonym.id } })

  // Rate-limit slots name the user in their key; they would expire anyway, within minutes.
  await models.RateLimit.deleteMany({ key: { $regex: escapeRegex(`u:${req.appId}:${req.userId}`) } })

  const auditRecordsPseudonymised = await auditLog.pseudonymiseActor({ id: req.userId, appId: req.appId }, pseudonym)
  return {
    pseudonymId: pseudonym.id,
    cases: cases.length,
    messages: messages.length,
    attachmentsDeleted: fileIds.length,
    forumThreads: threads.modifiedCount,
    forumPosts: posts.modifiedCount,
    articleVotes: votes.modifiedCount,
    notificationsDeleted,
    auditRecordsPseudonymised
  }
}
