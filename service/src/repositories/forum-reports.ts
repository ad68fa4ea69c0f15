import { createHash } from 'node:crypto'
import type { Types } from 'mongoose'
import type { AdminReport } from '@ze/contract'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import { isDuplicateKey } from './duplicate-key.js'
import { toObjectId } from './map.js'

/** How many reported threads "Zgłoszone" lists at most (open reports are few; moderators close them). */
const MAX_REPORTED_THREADS = 200

interface StoredReport {
  _id: Types.ObjectId
  threadId: Types.ObjectId
  targetType: 'thread' | 'post'
  targetId: Types.ObjectId
  reporterRole: AdminReport['reporterRole']
  reason: string
  createdAt: Date
}

export interface Reporter {
  appId: string
  userId: string
  role: AdminReport['reporterRole']
}

// One report per person and target without keeping who reported (docs/privacy.md: reports).
export const reporterHash = (r: Pick<Reporter, 'appId' | 'userId'>) => createHash('sha256').update(`${r.appId}\n${r.userId}`).digest('hex')

export const toAdminReport = (r: StoredReport): AdminReport => ({
  id: String(r._id),
  reason: r.reason,
  reporterRole: r.reporterRole,
  createdAt: r.createdAt.toISOString()
})

/** Users' reports of forum posts; open until an expert hides the target or dismisses them. */
export function createForumReportsRepository(models: Models) {
  const { ForumReport, ForumThread, ForumPost } = models

  return {
    /** Reports a visible post or thread question of the reporter's app; again replaces the reason. */
    async report(reporter: Reporter, targetType: 'thread' | 'post', id: string, reason: string): Promise<{ threadId: string }> {
      const _id = toObjectId(id)
      const visible = { _id, appId: reporter.appId, hidden: false }
      let threadId: Types.ObjectId | undefined
      if (_id && targetType === 'thread') threadId = ((await ForumThread.findOne(visible, { _id: 1 }).lean()) as { _id: Types.ObjectId } | null)?._id
      if (_id && targetType === 'post') {
        const post = (await ForumPost.findOne(visible, { threadId: 1 }).lean()) as { threadId: Types.ObjectId } | null
        // A reply in a hidden thread is out of sight too.
        if (post && (await ForumThread.exists({ _id: post.threadId, hidden: false }))) threadId = post.threadId
      }
      if (!_id || !threadId) throw new AppError(targetType === 'thread' ? 'THREAD_NOT_FOUND' : 'POST_NOT_FOUND')
      const filter = { targetId: _id, reporterHash: reporterHash(reporter) }
      const $set = {
        appId: reporter.appId,
        threadId,
        targetType,
        reporterRole: reporter.role,
        reason: reason.trim(),
        open: true,
        resolution: null,
        resolvedAt: null
      }
      const upsert = () => ForumReport.updateOne(filter, { $set }, { upsert: true })
      try {
        await upsert()
      } catch (err) {
        // Two reports of one person at once: the loser's insert hits the unique index; now it is an update.
        if (!isDuplicateKey(err)) throw err
        await upsert()
      }
      return { threadId: String(threadId) }
    },

    /** Open reports per thread, for a page of threads. */
    async openCounts(threadIds: Types.ObjectId[]): Promise<Map<string, number>> {
      const counts = new Map<string, number>()
      if (threadIds.length === 0) return counts
      const open = (await ForumReport.find({ open: true, threadId: { $in: threadIds } }, { threadId: 1 }).lean()) as Array<{ threadId: Types.ObjectId }>
      for (const r of open) counts.set(String(r.threadId), (counts.get(String(r.threadId)) ?? 0) + 1)
      return counts
    },

    /** The open reports of one thread, by target id (the thread's own id for its question). */
    async openForThread(threadId: Types.ObjectId): Promise<Map<string, AdminReport[]>> {
      const open = (await ForumReport.find({ open: true, threadId }).sort({ createdAt: 1 }).limit(500).lean()) as StoredReport[]
      const byTarget = new Map<string, AdminReport[]>()
      for (const r of open) byTarget.set(String(r.targetId), [...(byTarget.get(String(r.targetId)) ?? []), toAdminReport(r)])
      return byTarget
    },

    async reportedThreadIds(): Promise<Types.ObjectId[]> {
      const open = (await ForumReport.find({ open: true }, { threadId: 1 })
        .sort({ createdAt: -1 })
        .limit(MAX_REPORTED_THREADS * 5)
        .lean()) as Array<{ threadId: Types.ObjectId }>
      const seen = new Map<string, Types.ObjectId>()
      for (const r of open) if (seen.size < MAX_REPORTED_THREADS) seen.set(String(r.threadId), r.threadId)
      return [...seen.values()]
    },

    /** Closes open reports: of one target when it is hidden, or of a whole thread. */
    async resolve(where: { targetId: Types.ObjectId } | { threadId: Types.ObjectId }, resolution: 'hidden' | 'dismissed'): Promise<number> {
      const res = await ForumReport.updateMany({ ...where, open: true }, { $set: { open: false, resolution, resolvedAt: new Date() } })
      return res.modifiedCount
    }
  }
}

export type ForumReportsRepository = ReturnType<typeof createForumReportsRepository>
