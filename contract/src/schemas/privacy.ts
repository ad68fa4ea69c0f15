import { Type, type Static } from 'typebox'
import { Nullable } from './common.js'

const AppId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'The host app' })
const OfficeId = Type.String({ minLength: 1, maxLength: 200, description: 'The office (tenant) id from identity tokens' })

export const OfficeExportQuery = Type.Object({ appId: AppId, officeId: OfficeId }, { additionalProperties: false })
export type OfficeExportQuery = Static<typeof OfficeExportQuery>

export const ErasureBody = Type.Object(
  {
    appId: AppId,
    officeId: OfficeId,
    userId: Type.String({ minLength: 1, maxLength: 200, description: 'The host-app user id (`sub` of the identity token)' })
  },
  { additionalProperties: false }
)
export type ErasureBody = Static<typeof ErasureBody>

export const ErasureReport = Type.Object({
  pseudonymId: Type.String({ description: 'The random id that now stands for the person everywhere' }),
  cases: Type.Integer(),
  messages: Type.Integer(),
  attachmentsDeleted: Type.Integer(),
  forumThreads: Type.Integer(),
  forumPosts: Type.Integer(),
  articleVotes: Type.Integer({ description: '"Czy to pomogło?" votes now under the pseudonym' }),
  notificationsDeleted: Type.Integer(),
  auditRecordsPseudonymised: Type.Integer()
})
export type ErasureReport = Static<typeof ErasureReport>

export const RetentionReport = Type.Object({
  dryRun: Type.Boolean(),
  at: Type.String({ format: 'date-time' }),
  cases: Type.Object({
    cutoff: Nullable(Type.String({ format: 'date-time' })),
    cases: Type.Integer(),
    messages: Type.Integer(),
    attachments: Type.Integer(),
    bytes: Type.Integer(),
    caseIds: Type.Array(Type.String(), { description: 'The first 100 cases concerned' })
  }),
  forum: Type.Object({ cutoff: Nullable(Type.String({ format: 'date-time' })), threads: Type.Integer(), posts: Type.Integer() }),
  audit: Type.Object({ cutoffDay: Nullable(Type.String()), days: Type.Integer(), deleted: Type.Integer() })
})
export type RetentionReport = Static<typeof RetentionReport>
