import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../errors.js'
import type { Expert } from '../../repositories/experts.js'
import { bearerToken } from './identity.js'

declare module 'fastify' {
  interface FastifyRequest {
    expert: Expert | null
  }
  interface FastifyInstance {
    authenticateExpert(request: FastifyRequest): Promise<Expert>
  }
}

export default fp(
  async function expertAuthPlugin(fastify) {
    fastify.decorateRequest('expert', null)
    fastify.decorate('authenticateExpert', async (request: FastifyRequest): Promise<Expert> => {
      const key = bearerToken(request)
      if (!key) throw new AppError('EXPERT_KEY_MISSING', 'Send the expert API key as "Authorization: Bearer <key>"')
      // A revoked key gets the same answer as one that never existed: a leaked old key must
      // not confirm that it was once real (issue 16).
      const { expert } = await fastify.experts.authenticate(key)
      if (!expert) throw new AppError('EXPERT_KEY_INVALID')
      request.expert = expert
      return expert
    })
  },
  { name: 'expert-auth', dependencies: ['repositories'] }
)
