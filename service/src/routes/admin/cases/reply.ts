import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminCaseWithMessage, AdminReplyFields, IdParams, problemResponses, withFiles } from '@ze/contract'
import { multipartDocs } from '../../multipart-docs.js'
import { fieldsValidator, receiveMessage } from '../../../uploads/receive-message.js'
import { toAdminCaseWithMessage } from '../../../mapping/cases.js'

const validateFields = fieldsValidator(AdminReplyFields)

const reply: FastifyPluginAsyncTypebox = async (fastify) => {
  const { uploadMaxFiles, uploadMaxFileBytes } = fastify.config
  fastify.post(
    '/:id/messages',
    {
      config: multipartDocs(withFiles(AdminReplyFields)),
      schema: {
        tags: ['admin'],
        summary: 'Answer the chief, or add an internal note',
        description:
          'multipart/form-data: `body`, `internal?` (`true` for a note only experts see), file parts named `files`. A public answer sets the case `answered`, unread for the chief and back in the chief’s active list; an internal note changes nothing the chief can see.',
        security: [{ expertKey: [] }],
        params: IdParams,
        response: { 201: AdminCaseWithMessage, ...problemResponses }
      }
    },
    async (request, res) => {
      const existing = await fastify.caseQueue.findCase(request.params.id)
      const answered = await receiveMessage(
        request,
        fastify.uploads,
        {
          validate: validateFields,
          maxFiles: uploadMaxFiles,
          maxFileBytes: uploadMaxFileBytes,
          tenant: { appId: existing.appId, officeId: existing.officeId },
          chargeQuota: false
        },
        ({ fields, files }) => fastify.caseQueue.reply(request.expert!, existing, fields, files)
      )
      return res.code(201).send(toAdminCaseWithMessage(answered))
    }
  )
}

export default reply
