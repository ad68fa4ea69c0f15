import { Type, type Static } from 'typebox'
import { Nullable, ObjectIdString, iso } from './common.js'

export const FORUM_TITLE_MAX = 200
export const FORUM_BODY_MAX = 10_000

const AuthorRole = Type.Union([Type.Literal('office_chief'), Type.Literal('employee'), Type.Literal('client'), Type.Literal('expert')], {
  description: 'The badge to show: the host-app role from the identity token, or "expert"'
})
export const ForumAuthor = Type.Object({ name: Type.String(), role: AuthorRole, expert: Type.Boolean() })
const AdminForumAuthor = Type.Object({
  kind: Type.Union([Type.Literal('user'), Type.Literal('expert')]),
  id: Type.String(),
  name: Type.String(),
  role: AuthorRole,
  expert: Type.Boolean()
})

const threadExample = {
  id: '665f1c2e9b1e8a3d4c5b6a90',
  title: 'Jak wystawić fakturę korygującą do paragonu?',
  excerpt: 'Klient przyniósł paragon z NIP i chce zwrócić część towaru. Jak to zrobić w systemie?',
  author: { name: 'Marek Wiśniewski', role: 'employee', expert: false },
  replyCount: 2,
  solved: true,
  acceptedPostId: '665f1c2e9b1e8a3d4c5b6a92',
  lastActivityAt: '2025-03-04T10:15:00.000Z',
  createdAt: '2025-03-03T08:00:00.000Z'
}

const threadProperties = {
  id: Type.String(),
  title: Type.String(),
  excerpt: Type.String({ description: 'Plain text, the beginning of the opening post' }),
  author: ForumAuthor,
  replyCount: Type.Integer({ minimum: 0, description: 'Visible replies' }),
  solved: Type.Boolean(),
  acceptedPostId: Nullable(Type.String()),
  lastActivityAt: iso(threadExample.lastActivityAt),
  createdAt: iso(threadExample.createdAt)
}

export const Thread = Type.Object(threadProperties, { examples: [threadExample] })

const postExample = {
  id: '665f1c2e9b1e8a3d4c5b6a92',
  author: { name: 'Jan Ekspert', role: 'expert', expert: true },
  body: 'Wybierz Faktury » Dodaj » Faktura do paragonu, a potem Korekta.',
  createdAt: '2025-03-03T09:30:00.000Z',
  accepted: true
}

export const Post = Type.Object(
  {
    id: Type.String(),
    author: ForumAuthor,
    body: Type.String({ description: 'Plain text; render as text, not HTML' }),
    createdAt: iso(postExample.createdAt),
    accepted: Type.Boolean()
  },
  { examples: [postExample] }
)

export const ThreadPage = Type.Object(
  { items: Type.Array(Thread), nextCursor: Nullable(Type.String()) },
  { examples: [{ items: [threadExample], nextCursor: null }] }
)

export const ThreadDetail = Type.Object(
  {
    thread: Type.Object({
      ...threadProperties,
      body: Type.String({ description: 'Plain text' }),
      canAccept: Type.Boolean({ description: 'The viewer wrote the thread and may mark an answer' })
    }),
    posts: Type.Array(Post, { description: 'Visible replies, oldest first' })
  },
  { examples: [{ thread: { ...threadExample, body: `${threadExample.excerpt}\nDziękuję!`, canAccept: false }, posts: [postExample] }] }
)

export const ThreadListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in the title or opening post; diacritics and case do not matter' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 }))
  },
  { additionalProperties: false }
)

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' })

export const NewThreadBody = Type.Object(
  { title: Text(FORUM_TITLE_MAX), body: Text(FORUM_BODY_MAX) },
  { additionalProperties: false, examples: [{ title: 'Jak wystawić fakturę korygującą do paragonu?', body: 'Klient przyniósł paragon z NIP…' }] }
)
export const ReplyBody = Type.Object(
  { body: Text(FORUM_BODY_MAX) },
  { additionalProperties: false, examples: [{ body: 'U mnie zadziałało: Faktury » Dodaj » Faktura do paragonu.' }] }
)
export const AcceptBody = Type.Object({ postId: ObjectIdString }, { additionalProperties: false, examples: [{ postId: '665f1c2e9b1e8a3d4c5b6a92' }] })

export const ThreadCreated = Type.Object({ thread: Thread })
export const PostCreated = Type.Object({ post: Post })

// ---- reports (end users) -----------------------------------------------------------------

export const REPORT_REASON_MAX = 500
export const ReportBody = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: REPORT_REASON_MAX, pattern: '\\S', description: 'Why the post should be looked at (shown to experts only)' })
  },
  { additionalProperties: false, examples: [{ reason: 'Reklama, nie odpowiedź na pytanie.' }] }
)

// ---- experts (admin) -------------------------------------------------------------------

const Ref = Type.Object({ id: Type.String(), name: Type.String() })
const Moderation = Nullable(
  Type.Object({
    hidden: Type.Boolean({ description: 'What the expert did: hid (true) or showed again (false)' }),
    reason: Type.String(),
    by: Ref,
    at: iso('2025-03-04T10:15:00.000Z')
  }),
  { description: 'The latest hide / unhide with its reason; null if never moderated' }
)
export const ModerationBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: REPORT_REASON_MAX, pattern: '\\S', description: 'Kept with the post and in the audit log' }) },
  { additionalProperties: false, examples: [{ reason: 'Reklama niezwiązana z pytaniem.' }] }
)
export const AdminReport = Type.Object({
  id: Type.String(),
  reason: Type.String(),
  reporterRole: AuthorRole,
  createdAt: iso('2025-03-04T10:15:00.000Z')
})

export const AdminThread = Type.Object({
  ...threadProperties,
  appId: Type.String(),
  officeId: Nullable(Type.String()),
  author: AdminForumAuthor,
  hidden: Type.Boolean(),
  moderation: Moderation
})
export const AdminPost = Type.Object({
  id: Type.String(),
  threadId: Type.String(),
  author: AdminForumAuthor,
  body: Type.String(),
  createdAt: iso(postExample.createdAt),
  accepted: Type.Boolean(),
  hidden: Type.Boolean(),
  moderation: Moderation
})

export const AdminThreadListQuery = Type.Object(
  {
    appId: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })),
    q: ThreadListQuery.properties.q,
    cursor: ThreadListQuery.properties.cursor,
    limit: ThreadListQuery.properties.limit,
    hidden: Type.Optional(Type.Boolean({ description: 'Only hidden (true) or only visible (false) threads' })),
    attention: Type.Optional(
      Type.Union([Type.Literal('reported'), Type.Literal('unanswered')], {
        description: '`reported`: threads with open reports (on the question or any reply); `unanswered`: visible threads without a visible reply'
      })
    )
  },
  { additionalProperties: false }
)
export const AdminThreadListItem = Type.Object({
  ...AdminThread.properties,
  openReports: Type.Integer({ minimum: 0, description: 'Open reports on the question and its replies' })
})
export const AdminThreadPage = Type.Object({ items: Type.Array(AdminThreadListItem), nextCursor: Nullable(Type.String()) })
export const AdminThreadDetail = Type.Object({
  thread: Type.Object({ ...AdminThread.properties, body: Type.String(), reports: Type.Array(AdminReport, { description: 'Open reports on the question' }) }),
  posts: Type.Array(Type.Object({ ...AdminPost.properties, reports: Type.Array(AdminReport, { description: 'Open reports on this reply' }) }), {
    description: 'All replies, hidden ones included'
  })
})
export const AdminThreadResponse = Type.Object({ thread: AdminThread })
export const AdminPostResponse = Type.Object({ post: AdminPost })
export const AdminPostCreated = Type.Object({ post: AdminPost })
export const ReportsDismissed = Type.Object({ dismissed: Type.Integer({ minimum: 0, description: 'Open reports closed without hiding anything' }) })

export type ForumAuthor = Static<typeof ForumAuthor>
export type Thread = Static<typeof Thread>
export type Post = Static<typeof Post>
export type ThreadPage = Static<typeof ThreadPage>
export type ThreadDetail = Static<typeof ThreadDetail>
export type ThreadListFilter = Static<typeof ThreadListQuery>
export type AdminThreadListFilter = Static<typeof AdminThreadListQuery>
export type AdminThread = Static<typeof AdminThread>
export type AdminPost = Static<typeof AdminPost>
export type AdminReport = Static<typeof AdminReport>
export type AdminThreadListItem = Static<typeof AdminThreadListItem>
export type AdminThreadPage = Static<typeof AdminThreadPage>
export type AdminThreadDetail = Static<typeof AdminThreadDetail>
