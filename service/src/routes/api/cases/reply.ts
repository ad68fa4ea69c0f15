import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseWithMessage, IdParams, problemResponses, ReplyFields, withFiles } from '@ze/contract'
import { multipartDocs } from '../../multipart-docs.js'
import { caseReplyLimit } from '../../../plugins/app/rate-limit.js'
import { fieldsValidator, receiveMessage } from '../../../uploads/receive-message.js'
import { toCaseWithMessage } from '../../../mapping/cases.js'

const validateFields = fieldsValidator(ReplyFields)

const reply: FastifyPluginAsyncTypebox = async (fastify) => {
  const { uploadMaxFiles, uploadMaxFileBytes } = fastify.config
  fastify.post(
    '/:id/messages',
    {
      config: { ...multipartDocs(withFiles(ReplyFields)), rateLimit: caseReplyLimit(fastify.config) },
      schema: {
        tags: ['cases'],
        summary: 'Reply in a case conversation',
        description:
          'multipart/form-data: `body` and file parts named `files`. Reopens the case (`open`) and marks it unread for experts. Allowed with an inactive package too: it continues a conversation that was accepted when it started.',
        security: [{ identityToken: [] }],
        params: IdParams,
        response: { 201: CaseWithMessage, ...problemResponses }
      }
    },
    async (request, res) => {
      const identity = request.identity
      // Checked before reading the body, so nothing is uploaded for a case the caller cannot see.
      const existing = await fastify.cases.findOwn(identity, request.params.id)
      const answered = await receiveMessage(
        request,
        fastify.uploads,
        {
          validate: validateFields,
          maxFiles: uploadMaxFiles,
          maxFileBytes: uploadMaxFileBytes,
          tenant: identity.tenant,
          chargeQuota: true
        },
        ({ fields, files }) => fastify.cases.reply(identity, existing, fields.body, files)
      )
      return res.code(201).send(toCaseWithMessage(answered, identity.locale))
    }
  )
}

export default reply
