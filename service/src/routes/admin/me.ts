import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ExpertProfile, problemResponses } from '@ze/contract'

const me: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/me',
    { schema: { tags: ['admin'], summary: 'The expert behind the API key or the console session', security: [{ expertKey: [] }], response: { 200: ExpertProfile, ...problemResponses } } },
    async (request) => request.expert!
  )
}

export default me
