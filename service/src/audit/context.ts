import { createHash } from 'node:crypto'
import { AsyncLocalStorage } from 'node:async_hooks'
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import type { AuditActor } from '@ze/contract'
import { SYSTEM_ACTOR } from './log.js'

/**
 * The request an activity is recorded in, so repositories keep reporting plain activities
 * and the audit listener still learns who (expert or token user) and from where (ip, agent).
 * Bound in `preHandler`, after authentication, around the handler and everything it awaits.
 */
const storage = new AsyncLocalStorage<FastifyRequest>()

export function bindRequest(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  storage.run(request, done)
}

export const currentRequest = (): FastifyRequest | null => storage.getStore() ?? null

/** `request.ip` honours TRUST_PROXY, so a client cannot write its own address into the log. */
export const originOf = (request: FastifyRequest) => ({ ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null })

export function actorOf(request: FastifyRequest | null): AuditActor {
  if (request?.expert) return { kind: 'expert', id: request.expert.id, name: request.expert.name, appId: null, officeId: null }
  const identity = request?.verifiedIdentity
  if (identity)
    return {
      kind: identity.role === 'office_chief' ? 'chief' : 'user',
      id: identity.userId,
      name: identity.name,
      ...identity.tenant
    }
  return SYSTEM_ACTOR
}

/** A session's audit id: the start of the stored hash of its secret (never the secret itself). */
export const sessionAuditId = (secret: string): string => createHash('sha256').update(secret).digest('hex').slice(0, 16)
