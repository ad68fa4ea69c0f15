import { Type, type Static } from 'typebox'

const Ref = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), name: Type.String({ minLength: 1, maxLength: 300 }) })

export const Role = Type.Union([Type.Literal('office_chief'), Type.Literal('employee'), Type.Literal('client')])
export const AccountType = Type.Union([Type.Literal('office'), Type.Literal('client')])
export const EntryPoint = Type.Union([Type.Literal('sidebar'), Type.Literal('avatar'), Type.Literal('messages')])

/** The identity claims of PRODUCT.md §4.1 (registered claims are checked by the JWT library). */
export const IdentityClaims = Type.Object({
  sub: Type.String({ minLength: 1, maxLength: 200 }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  role: Role,
  office: Ref,
  account: Type.Object({ type: AccountType, id: Type.String({ minLength: 1, maxLength: 200 }), name: Type.String({ minLength: 1, maxLength: 300 }) }),
  package: Type.Object({ active: Type.Boolean(), name: Type.Optional(Type.String({ maxLength: 200 })) }),
  locale: Type.Optional(Type.Union([Type.Literal('pl'), Type.Literal('en')])),
  aud: Type.String({ minLength: 1 }),
  iat: Type.Number(),
  exp: Type.Number()
})

export type IdentityClaims = Static<typeof IdentityClaims>
export type Role = Static<typeof Role>
export type EntryPoint = Static<typeof EntryPoint>

/** The verified user behind a request: everything about permissions is decided from this. */
export interface Identity {
  appId: string
  userId: string
  name: string
  email: string | null
  role: Role
  office: { id: string; name: string }
  account: { type: 'office' | 'client'; id: string; name: string }
  package: { active: boolean; name: string | null }
  locale: 'pl' | 'en'
  expiresAt: Date
}

export function identityFromClaims(claims: IdentityClaims): Identity {
  return {
    appId: claims.aud,
    userId: claims.sub,
    name: claims.name,
    email: claims.email ?? null,
    role: claims.role,
    office: { id: claims.office.id, name: claims.office.name },
    account: { type: claims.account.type, id: claims.account.id, name: claims.account.name },
    package: { active: claims.package.active, name: claims.package.name ?? null },
    locale: claims.locale ?? 'pl',
    expiresAt: new Date(claims.exp * 1000)
  }
}
