import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { problemResponses } from '@ze/contract'
import { AppError } from '../../errors.js'
import { SESSION_COOKIE } from '../../plugins/app/expert-auth.js'
import { sessionAuditId } from '../../audit/context.js'

const NoQuery = Type.Object({}, { additionalProperties: false })

/** Console sessions for an already authenticated expert (the admin auth hook ran). */
const session: FastifyPluginAsyncTypebox = async (fastify) => {
  // These routes take no input: a body or query is a client mistake, not something to ignore.
  fastify.addHook('preValidation', async (request) => {
    const length = Number(request.headers['content-length'] ?? 0)
    if (length > 0 || request.headers['transfer-encoding'] !== undefined || (request.body !== undefined && request.body !== null)) {
      throw new AppError('VALIDATION_FAILED', 'This request takes no body', { errors: [{ path: '/', message: 'must be empty' }] })
    }
  })
  fastify.post(
    '/session',
    {
      schema: {
        tags: ['admin'],
        summary: 'Exchange an expert API key for a console session cookie',
        description:
          'For scripts and tests: answers 204 with an `HttpOnly; Secure; SameSite=Strict` session cookie. Only an API key may start a session this way.',
        security: [{ expertKey: [] }],
        querystring: NoQuery,
        response: { 204: Type.Null(), ...problemResponses }
      }
    },
    async (request, reply) => {
      if (request.expertAuth !== 'key') throw new AppError('EXPERT_KEY_MISSING', 'Starting a session needs the expert API key')
      const secret = await fastify.expertSessions.create(request.expert!.id, request.headers['user-agent'] ?? null)
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'session.started', target: { type: 'session', id: sessionAuditId(secret) }, detail: { via: 'key' } }
      })
      fastify.setSessionCookie(reply, secret)
      return reply.code(204).send(null)
    }
  )

  fastify.delete(
    '/session',
    {
      schema: {
        tags: ['admin'],
        summary: 'Sign out ("Wyloguj"): ends the session of this cookie',
        security: [{ expertKey: [] }],
        querystring: NoQuery,
        response: { 204: Type.Null(), ...problemResponses }
      }
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE]
      if (cookie) {
        await fastify.expertSessions.revoke(cookie)
        await fastify.activity.record({ type: 'audit', audit: { action: 'session.ended', target: { type: 'session', id: sessionAuditId(cookie) } } })
      }
      fastify.clearSessionCookie(reply)
      return reply.code(204).send(null)
    }
  )
}

export default session
