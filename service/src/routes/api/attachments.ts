import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AppError } from '../../errors.js'
import { assertOfficeChief } from '../../domain/case-rules.js'
import { IdParams, problemResponses } from '@ze/contract'
import { binaryResponse } from '../multipart-docs.js'
import { attachmentPolicy } from '../../domain/attachment-policy.js'
import { sendAttachment } from '../../uploads/send-attachment.js'

const attachments: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.addHook('onRequest', async (request) => assertOfficeChief(request.identity))
  fastify.get(
    '/attachments/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Download an attachment',
        description:
          'Only attachments of public messages of the chief’s own office; anything else is 404 ATTACHMENT_NOT_FOUND. Sent as `Content-Disposition: attachment` with `X-Content-Type-Options: nosniff`.',
        security: [{ identityToken: [] }],
        params: IdParams,
        response: { 200: binaryResponse('The file bytes, with the content type detected at upload', attachmentPolicy.allowedTypes), ...problemResponses }
      }
    },
    async (request, reply) => {
      const found = await fastify.attachments.findForChief(request.identity, request.params.id)
      if (!found) throw new AppError('ATTACHMENT_NOT_FOUND')
      return sendAttachment(reply, found, fastify.attachments.openDownload(found._id))
    }
  )
}

export default attachments
