import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AppError } from '../../errors.js'
import { IdParams, problemResponses } from '@ze/contract'
import { binaryResponse } from '../multipart-docs.js'
import { attachmentPolicy } from '../../domain/attachment-policy.js'
import { sendAttachment } from '../../uploads/send-attachment.js'

const attachments: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/attachments/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Download any case attachment (internal notes included)',
        security: [{ expertKey: [] }],
        params: IdParams,
        response: { 200: binaryResponse('The file bytes, with the content type detected at upload', attachmentPolicy.allowedTypes), ...problemResponses }
      }
    },
    async (request, reply) => {
      const found = await fastify.attachments.findForExpert(request.params.id)
      if (!found) throw new AppError('ATTACHMENT_NOT_FOUND')
      await fastify.activity.record({
        type: 'audit',
        audit: {
          action: 'attachment.downloaded',
          target: { type: 'attachment', id: String(found._id) },
          caseId: found.caseId,
          appId: found.appId,
          officeId: found.officeId,
          detail: { size: found.size }
        }
      })
      return sendAttachment(reply, found, fastify.attachments.openDownload(found._id))
    }
  )
}

export default attachments
