// Shapes from docs/api-contract.md; the service's schemas are the source of truth.

export type Role = 'office_chief' | 'employee' | 'client'
export type EntryPoint = 'sidebar' | 'avatar' | 'messages'
export type CaseStatus = 'open' | 'answered' | 'resolved'
export type AuthorKind = 'chief' | 'expert' | 'system'

export interface AccountRef { type: 'office' | 'client'; id: string; name: string }

export interface Limits {
  maxFiles: number
  maxFileBytes: number
  maxBodyChars: number
  allowedTypes: string[]
  allowedExtensions: string[]
}

export interface Me {
  user: { id: string; name: string; email?: string; role: Role; locale?: 'pl' | 'en' }
  office: { id: string; name: string }
  account: AccountRef
  package: { active: boolean; name?: string }
  capabilities: {
    canAskExpert: boolean
    askExpertDeniedReason: string | null
    entryPoints: EntryPoint[]
  }
  unreadCount: number
  scopeNotice?: { pl?: string; en?: string }
  limits: Limits
}

export interface CaseSummary {
  id: string
  number: number
  subject: string
  status: CaseStatus
  account: AccountRef
  accountLabel: string
  entryPoint: EntryPoint
  aboutSystemUsage: boolean
  unread: boolean
  archived: boolean
  messageCount: number
  createdAt: string
  createdBy: { id: string; name: string }
  lastActivityAt: string
  lastActivityBy: AuthorKind
}

export interface AttachmentRef { id: string; filename: string; contentType: string; size: number }

export interface Message {
  id: string
  caseId: string
  author: { kind: AuthorKind; id: string; name: string }
  body: string
  attachments: AttachmentRef[]
  createdAt: string
}

export interface Page<T> { items: T[]; nextCursor: string | null }
export interface CaseWithMessages { case: CaseSummary; messages: Message[] }
export interface CaseAndMessage { case: CaseSummary; message: Message }
export interface BulkResult { changed: string[] }

// Articles, forum, suggestions: service/src/schemas/{articles,forum}.ts and routes/api/suggestions.ts.
export interface ArticleSummary { slug: string; title: string; category: string; categoryName: string; excerpt: string; updatedAt: string }
export interface ArticleCategory { id: string; name: string; count: number }
export interface ArticleList { items: ArticleSummary[]; categories: ArticleCategory[] }
/** `html` is sanitised by the service (allow-list); internal links carry `data-article="<slug>"`. */
export interface Article { slug: string; title: string; category: string; categoryName: string; tags: string[]; html: string; updatedAt: string }

export interface Suggestion { kind: 'article' | 'thread'; id: string; slug?: string; title: string; excerpt: string }

export type ForumRole = Role | 'expert'
export interface ForumAuthor { name: string; role: ForumRole; expert: boolean }
/** Titles and bodies are plain text: always rendered as text, never as HTML. */
export interface Thread {
  id: string; title: string; excerpt: string; author: ForumAuthor
  replyCount: number; solved: boolean; acceptedPostId: string | null; lastActivityAt: string; createdAt: string
}
export interface Post { id: string; author: ForumAuthor; body: string; createdAt: string; accepted: boolean }
/** `canAccept`: the viewer wrote the thread; `posts`: visible replies, oldest first. */
export interface ThreadWithPosts { thread: Thread & { body: string; canAccept: boolean }; posts: Post[] }
