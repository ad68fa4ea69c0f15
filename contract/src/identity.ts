import { Type, type Static } from 'typebox'

const Ref = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), name: Type.String({ minLength: 1, maxLength: 300 }) })

export const Role = Type.Union([Type.Literal('office_chief'), Type.Literal('employee'), Type.Literal('client')])
export const AccountType = Type.Union([Type.Literal('office'), Type.Literal('client')])
export const EntryPoint = Type.Union([Type.Literal('sidebar'), Type.Literal('avatar'), Type.Literal('messages')])
export const Locale = Type.Union([Type.Literal('pl'), Type.Literal('en')])

/** The claims a host app signs into the identity token (registered claims are checked by the JWT library). */
export const IdentityClaims = Type.Object({
  sub: Type.String({ minLength: 1, maxLength: 200 }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  role: Role,
  office: Ref,
  account: Type.Object({ type: AccountType, id: Type.String({ minLength: 1, maxLength: 200 }), name: Type.String({ minLength: 1, maxLength: 300 }) }),
  package: Type.Object({ active: Type.Boolean(), name: Type.Optional(Type.String({ maxLength: 200 })) }),
  locale: Type.Optional(Locale),
  aud: Type.String({ minLength: 1 }),
  iat: Type.Number(),
  exp: Type.Number()
})

export type IdentityClaims = Static<typeof IdentityClaims>
export type Role = Static<typeof Role>
export type AccountType = Static<typeof AccountType>
export type EntryPoint = Static<typeof EntryPoint>
export type Locale = Static<typeof Locale>
