import type { Connection } from 'mongoose'
import { signPersonaToken } from '../sign-token.js'
import type { PersonaId } from '../personas.js'

/** What a seed module gets: the running service (seeds go through its public API) and the database. */
export interface SeedContext {
  serviceUrl: string
  appSecret: string
  expertKey: string
  connection: Connection
  log: (line: string) => void
}

export interface SeedModule {
  name: string
  /** Bump to seed again on existing demo databases. */
  version: number
  run(ctx: SeedContext): Promise<string>
}

export async function asPersona(ctx: SeedContext, persona: PersonaId): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signPersonaToken(persona, ctx.appSecret)}` }
}

export const asExpert = (ctx: SeedContext): Record<string, string> => ({ authorization: `Bearer ${ctx.expertKey}` })

export async function call<T = unknown>(ctx: SeedContext, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const isForm = body instanceof FormData
  const res = await fetch(`${ctx.serviceUrl}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {})
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`)
  return (text ? JSON.parse(text) : undefined) as T
}
