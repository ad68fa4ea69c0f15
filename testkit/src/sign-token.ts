import { SignJWT } from 'jose'
import { DEMO_APP_ID, personas, type PersonaId } from './personas.js'

/**
 * What a real host backend does for its logged-in user: a short-lived HS256 identity token.
 * `sub` makes it another user with the persona's role and office (e.g. many users in a benchmark).
 */
export async function signPersonaToken(persona: PersonaId, secret: string, lifetimeSeconds = 600, appId = DEMO_APP_ID, sub?: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ ...personas[persona].claims, ...(sub ? { sub } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(appId)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(new TextEncoder().encode(secret))
}
