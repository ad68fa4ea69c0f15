import type { IdentityClaims, Role } from '@ze/contract'

/** Whose data a request may touch: one host app's one office. Every end-user query filters by it. */
export interface Tenant {
  appId: string
  officeId: string
}

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
  /** Computed once when the token is verified, so no query builds its own tenant filter. */
  tenant: Tenant
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
    expiresAt: new Date(claims.exp * 1000),
    tenant: { appId: claims.aud, officeId: claims.office.id }
  }
}
