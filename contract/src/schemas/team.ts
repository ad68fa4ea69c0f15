import { Type, type Static } from 'typebox'
import { Nullable, ObjectIdString, iso } from './common.js'
import { NewCaseNotifications } from './notifications.js'

export const ExpertLocale = Type.Union([Type.Literal('pl'), Type.Literal('en')], {
  description: 'The console language and the language of the e-mails the expert gets'
})
export type ExpertLocale = Static<typeof ExpertLocale>

/** An API key for automation; the secret itself is shown once, when it is created. */
export const ApiKeyInfo = Type.Object({
  id: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart', examples: ['zek_Ab12Cd'] }),
  note: Type.String({ examples: ['Import z CRM'] }),
  createdAt: iso('2026-03-02T10:15:00.000Z'),
  lastUsedAt: Nullable(iso('2026-03-02T10:15:00.000Z'), { description: 'Recorded at most once a minute' }),
  revokedAt: Nullable(iso('2026-03-02T10:15:00.000Z'))
})
export type ApiKeyInfo = Static<typeof ApiKeyInfo>

/** An expert as the team view (Zespół) shows them to an admin. */
export const TeamMember = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  admin: Type.Boolean(),
  active: Type.Boolean({ description: 'false: deactivated; their sessions and keys are refused' }),
  locale: ExpertLocale,
  newCases: NewCaseNotifications,
  createdAt: iso('2026-03-02T10:15:00.000Z'),
  keys: Type.Array(ApiKeyInfo, { description: 'Every key, revoked ones included, newest first' })
})
export type TeamMember = Static<typeof TeamMember>

export const TeamList = Type.Object({ items: Type.Array(TeamMember, { description: 'Every expert, by name (at most 500)' }) })
export type TeamList = Static<typeof TeamList>

export const TeamInvitation = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S', examples: ['Ewa Ekspert'] }),
    email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$', examples: ['ewa@example.com'] }),
    admin: Type.Optional(Type.Boolean({ default: false })),
    locale: Type.Optional(ExpertLocale)
  },
  { additionalProperties: false }
)
export type TeamInvitation = Static<typeof TeamInvitation>

export const TeamMemberPatch = Type.Object(
  {
    admin: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean({ description: 'false ends every session and refuses every key of the expert at once' }))
  },
  { additionalProperties: false, minProperties: 1 }
)
export type TeamMemberPatch = Static<typeof TeamMemberPatch>

export const ApiKeyRequest = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'What the key is for', examples: ['Import z CRM'] }) },
  { additionalProperties: false }
)
export type ApiKeyRequest = Static<typeof ApiKeyRequest>

export const CreatedApiKey = Type.Object({ key: Type.String({ description: 'The secret; shown only in this answer' }), info: ApiKeyInfo })
export type CreatedApiKey = Static<typeof CreatedApiKey>

export const ApiKeyParams = Type.Object({ id: ObjectIdString, keyId: ObjectIdString }, { additionalProperties: false })

/** The signed-in expert's own choices (any expert). */
export const ExpertPreferences = Type.Object({ newCases: NewCaseNotifications, locale: ExpertLocale }, { additionalProperties: false })
export type ExpertPreferences = Static<typeof ExpertPreferences>
export const ExpertPreferencesPatch = Type.Object(
  { newCases: Type.Optional(NewCaseNotifications), locale: Type.Optional(ExpertLocale) },
  { additionalProperties: false, minProperties: 1 }
)
export type ExpertPreferencesPatch = Static<typeof ExpertPreferencesPatch>
