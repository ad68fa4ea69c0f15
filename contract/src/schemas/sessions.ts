import { Type, type Static } from 'typebox'
import { ExpertLocale } from './team.js'

export const SignInLinkRequest = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$', examples: ['tomasz@example.com'] }) },
  { additionalProperties: false }
)
export const SignInLinkParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }, { additionalProperties: false })

export type SignInLinkRequest = Static<typeof SignInLinkRequest>

/** The signed-in expert (GET /admin/v1/me). */
export const ExpertProfile = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), admin: Type.Boolean(), locale: ExpertLocale })
export type ExpertProfile = Static<typeof ExpertProfile>
