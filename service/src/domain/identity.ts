import type { IdentityClaims, Role } from '@ze/contract'

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
