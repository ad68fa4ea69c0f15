import type { Connection } from 'mongoose'
import { appModel } from './app.js'
import { caseModel } from './case.js'
import { caseListVersionModel, caseSegmentModel } from './case-segment.js'
import { counterModel } from './counter.js'
import { expertModel } from './expert.js'
import { expertKeyModel } from './expert-key.js'
import { messageModel } from './message.js'
import { articleModel } from './article.js'
import { articleFeedbackModel } from './article-feedback.js'
import { forumThreadModel } from './forum-thread.js'
import { forumPostModel } from './forum-post.js'
import { forumReportModel } from './forum-report.js'
import { rateLimitModel } from './rate-limit.js'
import { uploadQuotaModel } from './upload-quota.js'
import { attachmentScanModel } from './attachment-scan.js'
import { notificationModels } from '../notifications/models.js'
import { eventModel } from '../events/model.js'
import { searchChangeModel, searchVersionModel } from './search-sync.js'
import { expertSessionModel, signInLinkModel } from './expert-session.js'
import { auditModels } from '../audit/model.js'
import { statsModels } from '../stats/model.js'
import { savedReplyModel } from './saved-reply.js'

/** Every model, bound to one connection; add new domains here. */
export function registerModels(connection: Connection) {
  return {
    App: appModel(connection),
    Expert: expertModel(connection),
    ExpertKey: expertKeyModel(connection),
    Case: caseModel(connection),
    CaseSegment: caseSegmentModel(connection),
    CaseListVersion: caseListVersionModel(connection),
    Message: messageModel(connection),
    Counter: counterModel(connection),
    Article: articleModel(connection),
    ArticleFeedback: articleFeedbackModel(connection),
    ForumThread: forumThreadModel(connection),
    ForumPost: forumPostModel(connection),
    ForumReport: forumReportModel(connection),
    RateLimit: rateLimitModel(connection),
    UploadQuota: uploadQuotaModel(connection),
    AttachmentScan: attachmentScanModel(connection),
    ...notificationModels(connection),
    Event: eventModel(connection),
    SearchChange: searchChangeModel(connection),
    SearchVersion: searchVersionModel(connection),
    ExpertSession: expertSessionModel(connection),
    SignInLink: signInLinkModel(connection),
    ...auditModels(connection),
    ...statsModels(connection),
    SavedReply: savedReplyModel(connection)
  }
}

export type Models = ReturnType<typeof registerModels>
