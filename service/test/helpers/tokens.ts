import { SignJWT } from 'jose'
import type { IdentityClaims } from '@ze/contract'

export const TEST_APP = {
  id: 'test-app',
  name: 'Test host',
  secret: 'test-secret-that-is-long-enough-0123456789',
  allowedOrigins: ['http://host.test']
}

type Claims = Omit<IdentityClaims, 'aud' | 'iat' | 'exp'>

const officeA = { id: 'office-a', name: 'Biuro Rachunkowe Alfa' }
const officeB = { id: 'office-b', name: 'Biuro Beta' }

/** The demo personas (testkit/src/personas.ts), as claim sets. */
export const personas = {
  chiefOffice: {
    sub: 'chief-a',
    name: 'Anna Szef',
    role: 'office_chief',
    office: officeA,
    account: { type: 'office', ...officeA },
    package: { active: true, name: 'Biznes' }
  },
  chiefClient: {
    sub: 'chief-a',
    name: 'Anna Szef',
    role: 'office_chief',
    office: officeA,
    account: { type: 'client', id: 'client-1', name: 'Piekarnia Bułka sp. z o.o.' },
    package: { active: true, name: 'Biznes' }
  },
  employee: { sub: 'emp-a', name: 'Ewa Pracownik', role: 'employee', office: officeA, account: { type: 'office', ...officeA }, package: { active: true } },
  client: {
    sub: 'client-user-1',
    name: 'Jan Klient',
    role: 'client',
    office: officeA,
    account: { type: 'client', id: 'client-1', name: 'Piekarnia Bułka sp. z o.o.' },
    package: { active: true }
  },
  chiefInactive: {
    sub: 'chief-c',
    name: 'Celina Szef',
    role: 'office_chief',
    office: { id: 'office-c', name: 'Biuro Gamma' },
    account: { type: 'office', id: 'office-c', name: 'Biuro Gamma' },
    package: { active: false }
  },
  chiefOtherOffice: {
    sub: 'chief-b',
    name: 'Bogdan Szef',
    role: 'office_chief',
    office: officeB,
    account: { type: 'office', ...officeB },
    package: { active: true }
  }
} satisfies Record<string, Claims>

export interface SignOptions {
  secret?: string
  alg?: string
  audience?: string | string[]
  lifetimeSeconds?: number
  issuedAt?: number
  omit?: string[]
}

export async function signToken(claims: Record<string, unknown>, opts: SignOptions = {}): Promise<string> {
  const iat = opts.issuedAt ?? Math.floor(Date.now() / 1000)
  const payload: Record<string, unknown> = { ...claims, aud: opts.audience ?? TEST_APP.id, iat, exp: iat + (opts.lifetimeSeconds ?? 600) }
  for (const key of opts.omit ?? []) delete payload[key]
  return new SignJWT(payload).setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(opts.secret ?? TEST_APP.secret))
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
