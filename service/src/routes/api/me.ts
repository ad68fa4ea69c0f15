import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { capabilitiesOf, scopeNotice } from '../../domain/capabilities.js'
import { MeResponse, problemResponses } from '@ze/contract'
import { attachmentPolicy } from '../../domain/attachment-policy.js'

const me: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The verified identity, what it may do, and the unread count',
        security: [{ identityToken: [] }],
        response: { 200: MeResponse, ...problemResponses }
      }
    },
    async (request) => {
      const identity = request.identity
      const { uploadMaxFiles, uploadMaxFileBytes } = fastify.config
      return {
        user: { id: identity.userId, name: identity.name, email: identity.email, role: identity.role, locale: identity.locale },
        office: identity.office,
        account: identity.account,
        package: identity.package,
        capabilities: capabilitiesOf(identity),
        // Cases are the chief's correspondence: nobody else has unread cases.
        unreadCount: identity.role === 'office_chief' ? await fastify.cases.unreadCount(identity) : 0,
        scopeNotice,
        limits: {
          maxFiles: uploadMaxFiles,
          maxFileBytes: uploadMaxFileBytes,
          maxBodyChars: 10_000,
          allowedTypes: attachmentPolicy.allowedTypes,
          allowedExtensions: attachmentPolicy.allowedExtensions
        }
      }
    }
  )
}

export default me
