import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { problemResponses } from '@ze/contract'

export const ExpertSchema = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), admin: Type.Boolean() })

const me: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/me',
    { schema: { tags: ['admin'], summary: 'The expert behind the API key', security: [{ expertKey: [] }], response: { 200: ExpertSchema, ...problemResponses } } },
    async (request) => request.expert!
  )
}

export default me
