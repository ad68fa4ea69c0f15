import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { problemResponses } from '@ze/contract'
import { SignInLinkParams, SignInLinkRequest } from '@ze/contract'
import { AppError } from '../../errors.js'
import { signInLinkLimit } from '../../plugins/app/rate-limit.js'
import { sessionAuditId } from '../../audit/context.js'

/** Where a used, expired or unknown link lands: the console's sign-in form says so. */
const INVALID_LINK_TARGET = '/console/#/signin?link=invalid'

/**
 * Passwordless sign-in (docs/live-events.md, console section). These two routes need no credentials, so they sit
 * outside the admin auth hook; everything else under /admin/v1 is behind it.
 */
const sessionLinks: FastifyPluginAsyncTypebox = async (fastify) => {
  const { publicUrl, environment, signInLinkRateMax, signInLinkRateWindowMs } = fastify.config

  fastify.post(
    '/session/link',
    {
      config: { rateLimit: signInLinkLimit(fastify.config) },
      schema: {
        tags: ['admin'],
        summary: 'Mail a single-use console sign-in link',
        description:
          'Answers 202 whether or not the address belongs to an expert, so the endpoint does not reveal who is one. The link goes out by e-mail through the outbox; it is valid for 15 minutes and works once. Limited per client address and per e-mail address (429 RATE_LIMITED).',
        body: SignInLinkRequest,
        response: { 202: Type.Null(), ...problemResponses }
      }
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase()
      const perAddress = await fastify.rateCounters.hit(`signin-email|${email}`, signInLinkRateWindowMs, signInLinkRateMax)
      if (perAddress.current > signInLinkRateMax) {
        const retryAfterSeconds = Math.ceil(perAddress.ttl / 1000)
        reply.header('retry-after', String(retryAfterSeconds))
        throw new AppError('RATE_LIMITED', 'Too many sign-in links for this address; try again later', { retryAfterSeconds, limit: signInLinkRateMax })
      }
      const link = await fastify.expertSessions.createLink(email)
      if (link) {
        const url = `${publicUrl}/admin/v1/session/link/${link.secret}`
        const mailed = await fastify.notifications.enqueueMail({
          to: link.expert.email,
          locale: link.expert.locale,
          template: 'sign-in-link',
          data: { name: link.expert.name, url, expiresMinutes: 15 }
        })
        // Without SMTP_URL a development service logs the link instead; production never does.
        if (!mailed && environment !== 'production')
          request.log.info({ expertId: link.expert.id, signInLink: url }, 'console sign-in link (SMTP_URL not set; development only)')
      }
      return reply.code(202).send(null)
    }
  )

  fastify.get(
    '/session/link/:token',
    {
      schema: {
        tags: ['admin'],
        summary: 'Use a sign-in link: sets the session cookie and opens the console',
        params: SignInLinkParams,
        response: { 303: Type.Null(), ...problemResponses }
      }
    },
    async (request, reply) => {
      const expert = await fastify.expertSessions.consumeLink(request.params.token)
      // Links are shared by mail clients' previews and proxies: never cache the answer.
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
      if (!expert) return reply.redirect(INVALID_LINK_TARGET, 303)
      const secret = await fastify.expertSessions.create(expert.id, request.headers['user-agent'] ?? null)
      const actor = { kind: 'expert' as const, id: expert.id, name: expert.name, appId: null, officeId: null }
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'session.started', target: { type: 'session', id: sessionAuditId(secret) }, actor, detail: { via: 'link' } }
      })
      fastify.setSessionCookie(reply, secret)
      return reply.redirect('/console/', 303)
    }
  )
}

export default sessionLinks
