import { Type, type Static, type TSchema } from 'typebox'
import { Nullable, ObjectIdString, iso } from './common.js'
import { AccountType, EntryPoint } from '../identity.js'

export const CaseStatus = Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('resolved')], {
  description: 'open: waiting for an expert · answered: an expert replied, waiting for the chief · resolved'
})
const AuthorKind = Type.Union([Type.Literal('chief'), Type.Literal('expert'), Type.Literal('system')])
const Ref = Type.Object({ id: Type.String(), name: Type.String() })
const Account = Type.Object({ type: AccountType, id: Type.String(), name: Type.String() })

export const Attachment = Type.Object({
  id: Type.String({ examples: ['665f1c2e9b1e8a3d4c5b6a70'] }),
  filename: Type.String({ examples: ['faktura-korekta.pdf'] }),
  contentType: Type.String({ description: 'Decided from the file content', examples: ['application/pdf'] }),
  size: Type.Integer({ minimum: 0, examples: [48213] })
})

const messageProperties = {
  id: Type.String(),
  caseId: Type.String(),
  author: Type.Object({
    kind: AuthorKind,
    id: Type.String({
      description: "The chief's user id; for an expert, a stable public handle (`exp_…`), never the expert's database id, except in admin responses"
    }),
    name: Type.String()
  }),
  body: Type.String({ description: 'Plain text' }),
  attachments: Type.Array(Attachment),
  createdAt: iso('2025-03-04T10:15:00.000Z')
}

const messageExample = {
  id: '665f1c2e9b1e8a3d4c5b6a71',
  caseId: '665f1c2e9b1e8a3d4c5b6a6f',
  author: { kind: 'chief', id: 'chief-a', name: 'Anna Kowalska' },
  body: 'Jak dodać fakturę korygującą?\nKlient zwrócił część towaru.',
  attachments: [{ id: '665f1c2e9b1e8a3d4c5b6a70', filename: 'faktura.pdf', contentType: 'application/pdf', size: 48213 }],
  createdAt: '2025-03-04T10:15:00.000Z'
}

/** A message as end users see it; internal notes are never sent to them. */
export const Message = Type.Object(messageProperties, { examples: [messageExample] })
/** A message as experts see it. */
export const AdminMessage = Type.Object({ ...messageProperties, internal: Type.Boolean() }, { examples: [{ ...messageExample, internal: false }] })

/** The chief's answer to "Czy odpowiedź eksperta pomogła?" (issue 15 item 9). */
export const CaseRatingBody = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5, description: '1 (did not help) … 5 (helped a lot)' }),
    comment: Type.Optional(Type.String({ maxLength: 2000, description: 'Optional; blank is stored as none' }))
  },
  { additionalProperties: false, examples: [{ score: 5, comment: 'Szybko i konkretnie.' }] }
)
export const CaseRating = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Nullable(Type.String()),
  ratedAt: iso('2025-03-05T09:00:00.000Z')
})

const caseExample = {
  id: '665f1c2e9b1e8a3d4c5b6a6f',
  number: 17,
  subject: 'Jak dodać fakturę korygującą?',
  status: 'open',
  account: { type: 'client', id: 'client-1', name: 'Piekarnia Bułka sp. z o.o.' },
  accountLabel: 'Klient: Piekarnia Bułka sp. z o.o.',
  entryPoint: 'sidebar',
  aboutSystemUsage: false,
  unread: false,
  archived: false,
  messageCount: 1,
  createdAt: '2025-03-04T10:15:00.000Z',
  createdBy: { id: 'chief-a', name: 'Anna Kowalska' },
  lastActivityAt: '2025-03-04T10:15:00.000Z',
  lastActivityBy: 'chief',
  rating: null
}

const { accountLabel: _label, unread: _unread, ...adminExampleBase } = caseExample

export const CaseSummary = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer({ description: 'Human-friendly number, counted per office (other offices have their own #1, #2, …)' }),
    subject: Type.String(),
    status: CaseStatus,
    account: Account,
    accountLabel: Type.String({ description: '"Konto biura" / "Klient: <name>" (English by the token locale)' }),
    entryPoint: EntryPoint,
    aboutSystemUsage: Type.Boolean({ description: 'Asked with an inactive package: about using the system only (R9)' }),
    unread: Type.Boolean({ description: 'Unread for the chief' }),
    archived: Type.Boolean(),
    messageCount: Type.Integer({ description: 'Messages the chief can see' }),
    createdAt: iso('2025-03-04T10:15:00.000Z'),
    createdBy: Ref,
    lastActivityAt: iso('2025-03-04T10:15:00.000Z'),
    lastActivityBy: AuthorKind,
    lastAuthorName: Nullable(Type.String({ description: 'Who wrote the latest public message (Moje pytania rows); null for cases older than the field' })),
    lastPreview: Nullable(
      Type.String({ maxLength: 160, description: 'The latest public message on one line, shortened; null for cases older than the field' })
    ),
    rating: Nullable(CaseRating, { description: 'The chief’s rating of the answer; null until rated' })
  },
  { examples: [{ ...caseExample, lastAuthorName: 'Anna Kowalska', lastPreview: 'Jak dodać fakturę korygującą do faktury zaliczkowej?' }] }
)

export const AdminCase = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer({ description: 'Counted per office: unique together with `office.id`, not across the app' }),
    subject: Type.String(),
    status: CaseStatus,
    appId: Type.String(),
    office: Ref,
    account: Account,
    entryPoint: EntryPoint,
    aboutSystemUsage: Type.Boolean(),
    package: Type.Object({ active: Type.Boolean(), name: Nullable(Type.String()) }),
    context: Type.Object({ pageUrl: Nullable(Type.String()), userAgent: Nullable(Type.String()) }),
    chiefEmail: Nullable(Type.String({ description: 'From the chief’s identity token at the latest write; shown in the console’s context panel' })),
    assignee: Nullable(Ref),
    createdAt: iso('2025-03-04T10:15:00.000Z'),
    createdBy: Ref,
    lastActivityAt: iso('2025-03-04T10:15:00.000Z'),
    lastActivityBy: AuthorKind,
    firstResponseAt: Nullable(Type.String({ format: 'date-time' })),
    chiefUnread: Type.Boolean(),
    archived: Type.Boolean({ description: 'Archived by the chief' }),
    expertUnread: Type.Boolean({ description: 'The chief wrote after the last expert action' }),
    messageCount: Type.Integer(),
    internalNoteCount: Type.Integer(),
    rating: Nullable(CaseRating)
  },
  {
    examples: [
      {
        ...adminExampleBase,
        appId: 'mojebiuro24',
        office: { id: 'office-a', name: 'Biuro Rachunkowe Kowalska' },
        package: { active: true, name: 'Biznes' },
        context: { pageUrl: 'https://app.example/faktury', userAgent: 'Mozilla/5.0' },
        chiefEmail: 'anna@biuro-kowalska.example',
        assignee: null,
        firstResponseAt: null,
        chiefUnread: false,
        expertUnread: true,
        internalNoteCount: 0
      }
    ]
  }
)

const Cursor = Type.String({ maxLength: 512, pattern: '^[A-Za-z0-9_-]+$', description: 'Opaque; `nextCursor` of the previous page' })
const Limit = (max: number, fallback: number) => Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: fallback }))

export const CaseListQuery = Type.Object(
  {
    view: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')], { default: 'active' })),
    unread: Type.Optional(Type.Boolean()),
    status: Type.Optional(CaseStatus),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words the subject contains (case-insensitive)', examples: ['korekta'] })),
    cursor: Type.Optional(Cursor),
    limit: Limit(50, 20)
  },
  { additionalProperties: false }
)

export const CaseListResponse = Type.Object({
  items: Type.Array(CaseSummary),
  nextCursor: Nullable(Type.String()),
  total: Type.Optional(Type.Integer({ minimum: 0, description: 'On the first page only (no cursor): how many cases match in all ("Zaznacz wszystkie N")' }))
})
export const CaseWithMessage = Type.Object({ case: CaseSummary, message: Message })
export const CaseResponse = Type.Object({ case: CaseSummary })
export const CaseDetail = Type.Object({ case: CaseSummary, messages: Type.Array(Message, { description: 'Oldest first; never internal notes' }) })

const Question = Type.String({ minLength: 1, maxLength: 10_000, pattern: '\\S', examples: ['Jak dodać fakturę korygującą?'] })
const files = Type.Optional(Type.Array(Type.String({ format: 'binary' }), { description: 'File parts named `files`; type decided by content' }))

/** Multipart fields of POST /api/v1/cases (validated after the stream is consumed). */
export const CreateCaseFields = Type.Object(
  {
    question: Question,
    subject: Type.Optional(
      Type.String({ maxLength: 200, description: 'Defaults to the first sentence of the question, a greeting such as "Dzień dobry," skipped' })
    ),
    entryPoint: EntryPoint,
    pageUrl: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
    afterSuggestion: Type.Optional(
      Type.Boolean({ description: 'A suggestion was opened (`?via=suggestion`) while this question was written: sent anyway (statistics: deflection)' })
    )
  },
  { additionalProperties: false }
)
export const ReplyFields = Type.Object({ body: Question }, { additionalProperties: false })
export const AdminReplyFields = Type.Object(
  { body: Question, internal: Type.Optional(Type.Boolean({ default: false, description: 'An internal note, visible to experts only' })) },
  { additionalProperties: false }
)

/** The same fields plus the file parts, for the OpenAPI document only. */
export const withFiles = <T extends TSchema & { properties: Record<string, TSchema> }>(fields: T) =>
  Type.Object({ ...fields.properties, files }, { additionalProperties: false })

export const BulkIds = Type.Object(
  { ids: Type.Array(ObjectIdString, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false, examples: [{ ids: ['665f1c2e9b1e8a3d4c5b6a6f'] }] }
)
export const BulkQuery = Type.Object(
  {
    include: Type.Optional(
      Type.Literal('unreadCount', {
        description:
          'Also answer the caller’s unread count after the change, so a client need not ask GET /me again (opening a conversation: GET the case, POST read — two requests). Without it the body is `{ changed }` as before.'
      })
    )
  },
  { additionalProperties: false }
)
export const BulkResult = Type.Object(
  {
    changed: Type.Array(Type.String(), { description: 'Ids whose state actually changed; ids of other offices are ignored silently' }),
    unreadCount: Type.Optional(Type.Integer({ minimum: 0, description: 'With `include=unreadCount`: unread cases after the change (as in GET /me)' }))
  },
  { examples: [{ changed: ['665f1c2e9b1e8a3d4c5b6a6f'] }, { changed: ['665f1c2e9b1e8a3d4c5b6a6f'], unreadCount: 2 }] }
)

export const AdminQueueQuery = Type.Object(
  {
    status: Type.Optional(CaseStatus),
    assignee: Type.Optional(Type.String({ pattern: '^(me|none|[0-9a-fA-F]{24})$', description: '`me`, `none` or an expert id' })),
    officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    appId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Text in the subject (case-insensitive) or an exact case number (numbers run per office: combine with `officeId` for one case)'
      })
    ),
    cursor: Type.Optional(Cursor),
    limit: Limit(100, 25)
  },
  { additionalProperties: false }
)
export const AdminQueueResponse = Type.Object({ items: Type.Array(AdminCase), nextCursor: Nullable(Type.String()) })
export const AdminCaseDetail = Type.Object({ case: AdminCase, messages: Type.Array(AdminMessage, { description: 'Oldest first, including internal notes' }) })
export const AdminCaseWithMessage = Type.Object({ case: AdminCase, message: AdminMessage })
export const AdminCaseResponse = Type.Object({ case: AdminCase })
export const AdminCasePatch = Type.Object(
  {
    status: Type.Optional(CaseStatus),
    assignee: Type.Optional(Nullable(ObjectIdString))
  },
  { additionalProperties: false, minProperties: 1, examples: [{ status: 'resolved' }, { assignee: '665f1c2e9b1e8a3d4c5b6a99' }, { assignee: null }] }
)

export type CaseStatus = Static<typeof CaseStatus>
export type CaseSummary = Static<typeof CaseSummary>
export type Attachment = Static<typeof Attachment>
export type CaseDetail = Static<typeof CaseDetail>
export type CaseWithMessage = Static<typeof CaseWithMessage>
export type CaseListResponse = Static<typeof CaseListResponse>
export type BulkResult = Static<typeof BulkResult>
export type BulkQuery = Static<typeof BulkQuery>
export type Message = Static<typeof Message>
export type AdminCase = Static<typeof AdminCase>
export type AdminMessage = Static<typeof AdminMessage>
export type CreateCaseFields = Static<typeof CreateCaseFields>
export type ReplyFields = Static<typeof ReplyFields>
export type AdminReplyFields = Static<typeof AdminReplyFields>
export type AdminQueueQuery = Static<typeof AdminQueueQuery>
export type AdminCasePatch = Static<typeof AdminCasePatch>
export type CaseRatingBody = Static<typeof CaseRatingBody>
export type CaseRating = Static<typeof CaseRating>
export type AdminCaseDetail = Static<typeof AdminCaseDetail>
export type AdminCaseWithMessage = Static<typeof AdminCaseWithMessage>
export type AdminQueueResponse = Static<typeof AdminQueueResponse>
