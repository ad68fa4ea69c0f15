// The shapes the widget reads, from the API contract (types only: nothing here reaches the bundle).
import type { CaseDetail, CaseWithMessage, ThreadDetail } from '@ze/contract'

export type {
  AccountRef,
  ArticleCategory,
  ArticleFeedback,
  ArticleListResponse as ArticleList,
  ArticleSummary,
  ArticleView as Article,
  Attachment as AttachmentRef,
  BulkResult,
  CaseStatus,
  CaseSummary,
  EntryPoint,
  ForumAuthor,
  Limits,
  MeResponse as Me,
  Message,
  Post,
  Role,
  Suggestion,
  Thread
} from '@ze/contract'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}
export type CaseWithMessages = CaseDetail
export type CaseAndMessage = CaseWithMessage
export type ThreadWithPosts = ThreadDetail
