import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.js'
import type { Expert } from '../../repositories/experts.js'
import { createExpertSessionsRepository, type ExpertSessionsRepository } from '../../repositories/expert-sessions.js'
import { bearerToken } from './identity.js'
import { originOf } from '../../audit/context.js'

/**
 * `__Host-`: the browser accepts it only with Secure, Path=/ and no Domain, so no sibling
 * subdomain can plant or overwrite the session cookie.
 */
export const SESSION_COOKIE = '__Host-ze_session'
/** The header the console adds to every write; a cross-site form or fetch cannot send it without CORS approval. */
export const CSRF_HEADER = 'x-ze-console'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const CLEANUP_EVERY_MS = 10 * 60_000
/** A rejected key is audited at most once per client address per minute, so guessing cannot flood the log. */
const REJECTED_KEY_AUDIT_EVERY_MS = 60_000
const REJECTED_KEY_ADDRESSES_MAX = 10_000

declare module 'fastify' {
  interface FastifyRequest {
    expert: Expert | null
    /** How the expert was authenticated: an API key (scripts) or the console's session cookie. */
    expertAuth: 'key' | 'session' | null
  }
  interface FastifyInstance {
    authenticateExpert(request: FastifyRequest): Promise<Expert>
    expertSessions: ExpertSessionsRepository
    setSessionCookie(reply: FastifyReply, secret: string): void
    clearSessionCookie(reply: FastifyReply): void
  }
}

export default fp(
  async function expertAuthPlugin(fastify) {
    const { sessionIdleMinutes, sessionMaxHours } = fastify.config
    const publicOrigin = new URL(fastify.config.publicUrl).origin
    const sessions = createExpertSessionsRepository(fastify.models, {
      idleMs: sessionIdleMinutes * 60_000,
      absoluteMs: sessionMaxHours * 3_600_000,
      linkTtlMs: 15 * 60_000
    })
    fastify.decorate('expertSessions', sessions)
    fastify.decorateRequest('expert', null)
    fastify.decorateRequest('expertAuth', null)

    const cookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' as const }
    fastify.decorate('setSessionCookie', (reply: FastifyReply, secret: string) => {
      reply.setCookie(SESSION_COOKIE, secret, { ...cookieOptions, maxAge: sessionMaxHours * 3600 })
    })
    fastify.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, cookieOptions)
    })

    /**
     * A cookie rides along with any request the browser makes, so a cookie-authenticated
     * write must prove it comes from the console itself: the Origin is this service and
     * the custom header is present (SameSite=Strict is the first line; this is the second).
     */
    function assertSameOrigin(request: FastifyRequest): void {
      if (SAFE_METHODS.has(request.method)) return
      const origin = request.headers.origin
      let sameOrigin = false
      if (origin) {
        try {
          sameOrigin = origin === publicOrigin || new URL(origin).host === request.host
        } catch {
          sameOrigin = false
        }
      }
      const site = request.headers['sec-fetch-site']
      if (!sameOrigin || (site !== undefined && site !== 'same-origin') || request.headers[CSRF_HEADER] !== '1') {
        throw new AppError('CSRF_REJECTED', `Cookie-authenticated writes must come from the console (same origin and the "${CSRF_HEADER}: 1" header)`)
      }
    }

    const lastRejected = new Map<string, number>()
    async function auditRejectedKey(request: FastifyRequest, key: string): Promise<void> {
      const now = Date.now()
      if (now - (lastRejected.get(request.ip) ?? 0) < REJECTED_KEY_AUDIT_EVERY_MS) return
      if (lastRejected.size >= REJECTED_KEY_ADDRESSES_MAX) lastRejected.clear()
      lastRejected.set(request.ip, now)
      // Runs before the route's preHandler binds the request, so who and where are given here.
      const actor = { kind: 'system' as const, id: 'unauthenticated', name: 'unauthenticated request', appId: null, officeId: null }
      const target = { type: 'key' as const, id: key.slice(0, 10) }
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'key.rejected', target, actor, origin: originOf(request), detail: { url: request.routeOptions.url ?? null } }
      })
    }

    fastify.decorate('authenticateExpert', async (request: FastifyRequest): Promise<Expert> => {
      const key = bearerToken(request)
      const cookie = request.cookies?.[SESSION_COOKIE]
      if (!key && cookie) {
        const expert = await sessions.authenticate(cookie)
        if (!expert) throw new AppError('EXPERT_SESSION_INVALID')
        assertSameOrigin(request)
        request.expert = expert
        request.expertAuth = 'session'
        return expert
      }
      if (!key) throw new AppError('EXPERT_KEY_MISSING', 'Send the expert API key as "Authorization: Bearer <key>", or sign in to the console')
      // A revoked key gets the same answer as one that never existed: a leaked old key must
      // not confirm that it was once real (issue 16).
      const { expert } = await fastify.experts.authenticate(key)
      if (!expert) {
        await auditRejectedKey(request, key)
        throw new AppError('EXPERT_KEY_INVALID')
      }
      request.expert = expert
      request.expertAuth = 'key'
      return expert
    })

    const timer = setInterval(() => {
      if (fastify.db.readyState !== 1) return
      sessions.deleteExpired().catch((err: unknown) => fastify.log.warn({ err }, 'session cleanup failed'))
    }, CLEANUP_EVERY_MS)
    timer.unref()
    fastify.addHook('onClose', async () => clearInterval(timer))
  },
  { name: 'expert-auth', dependencies: ['repositories', 'cookie', 'config'] }
)
