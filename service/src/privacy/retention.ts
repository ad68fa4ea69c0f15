import type { Models } from '../models/index.js'
import type { AttachmentsRepository } from '../repositories/attachments.js'
import { touchOffice } from '../repositories/case-lists/index.js'
import type { AuditLog } from '../audit/log.js'
import { dayOf } from '../audit/log.js'

export interface RetentionPolicy {
  /** Messages and attachments of cases resolved longer ago than this are deleted; 0 = keep. */
  caseMonths: number
  /** Hidden ("archived" by moderation) forum threads and posts older than this are deleted; 0 = keep. */
  forumMonths: number
  /** Audit records older than this are deleted, whole days at a time; 0 = keep. */
  auditMonths: number
}

export interface RetentionReport {
  dryRun: boolean
  at: string
  cases: { cutoff: string | null; cases: number; messages: number; attachments: number; bytes: number; caseIds: string[] }
  forum: { cutoff: string | null; threads: number; posts: number }
  audit: { cutoffDay: string | null; days: number; deleted: number }
}

const BATCH = 100
const MAX_BATCHES = 50
const REPORT_IDS_MAX = 100

export const monthsBefore = (now: Date, months: number): Date => {
  const d = new Date(now)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d
}

/**
 * One retention round. A case counts as resolved since its last change (`updatedAt`): every
 * change after resolving (read, archive, rating, reopening) only makes the case wait longer,
 * never shorter. Queries lead with equality on top-level fields (`status`, `purgedAt`,
 * `hidden`), which FerretDB pushes down; the date is checked on that set, in batches.
 * Purged cases keep their number, dates, status and rating score for statistics; their
 * subject, messages and files go. A dry run reports what would go and changes nothing.
 */
export async function runRetention(
  deps: { models: Models; attachments: AttachmentsRepository; auditLog: AuditLog },
  policy: RetentionPolicy,
  options: { dryRun: boolean; now?: Date }
): Promise<RetentionReport> {
  const { models, attachments, auditLog } = deps
  const now = options.now ?? new Date()
  const report: RetentionReport = {
    dryRun: options.dryRun,
    at: now.toISOString(),
    cases: { cutoff: null, cases: 0, messages: 0, attachments: 0, bytes: 0, caseIds: [] },
    forum: { cutoff: null, threads: 0, posts: 0 },
    audit: { cutoffDay: null, days: 0, deleted: 0 }
  }

  if (policy.caseMonths > 0) {
    const cutoff = monthsBefore(now, policy.caseMonths)
    report.cases.cutoff = cutoff.toISOString()
    const seen = new Set<string>()
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await models.Case.find({ status: 'resolved', purgedAt: null, updatedAt: { $lt: cutoff } }, { _id: 1, appId: 1, officeId: 1 })
        .limit(BATCH + seen.size)
        .lean()
      const fresh = due.filter((c) => !seen.has(String(c._id))).slice(0, BATCH)
      if (fresh.length === 0) break
      for (const c of fresh) {
        seen.add(String(c._id))
        const messages = await models.Message.find({ caseId: c._id }, { attachments: 1 }).lean()
        const files = messages.flatMap((m) => m.attachments)
        report.cases.cases++
        report.cases.messages += messages.length
        report.cases.attachments += files.length
        report.cases.bytes += files.reduce((sum, f) => sum + f.size, 0)
        if (report.cases.caseIds.length < REPORT_IDS_MAX) report.cases.caseIds.push(String(c._id))
        if (options.dryRun) continue
        await attachments.deleteFiles(files.map((f) => f._id))
        await models.Message.deleteMany({ caseId: c._id })
        await models.Case.updateOne(
          { _id: c._id },
          { $set: { purgedAt: now, subject: '—', messageCount: 0, internalNoteCount: 0, chiefEmail: null, 'context.pageUrl': null, 'context.userAgent': null } }
        )
        // The score stays for statistics; the comment is the chief's words.
        await models.Case.updateOne({ _id: c._id, rating: { $ne: null } }, { $set: { 'rating.comment': null } })
        // Cached list pages show the subject and the rating.
        await touchOffice(models, c)
      }
    }
  }

  if (policy.forumMonths > 0) {
    const cutoff = monthsBefore(now, policy.forumMonths)
    report.forum.cutoff = cutoff.toISOString()
    const threads = await models.ForumThread.find({ hidden: true, lastActivityAt: { $lt: cutoff } }, { _id: 1 })
      .limit(BATCH * MAX_BATCHES)
      .lean()
    const posts = await models.ForumPost.find({ hidden: true, createdAt: { $lt: cutoff } }, { _id: 1 })
      .limit(BATCH * MAX_BATCHES)
      .lean()
    report.forum.threads = threads.length
    report.forum.posts = posts.length
    if (!options.dryRun) {
      const threadIds = threads.map((t) => t._id)
      if (threadIds.length > 0) {
        report.forum.posts += (await models.ForumPost.deleteMany({ threadId: { $in: threadIds }, hidden: false })).deletedCount
        await models.ForumThread.deleteMany({ _id: { $in: threadIds } })
      }
      if (posts.length > 0) await models.ForumPost.deleteMany({ _id: { $in: posts.map((p) => p._id) } })
      // Reports of what is gone go with it.
      await models.ForumReport.deleteMany({ $or: [{ threadId: { $in: threadIds } }, { targetId: { $in: posts.map((p) => p._id) } }] })
    }
  }

  if (policy.auditMonths > 0) {
    const cutoffDay = dayOf(monthsBefore(now, policy.auditMonths))
    report.audit.cutoffDay = cutoffDay
    if (!options.dryRun) Object.assign(report.audit, await auditLog.expireBefore(cutoffDay))
  }
  return report
}
