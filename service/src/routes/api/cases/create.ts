import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseWithMessage, CreateCaseFields, problemResponses, withFiles } from '@ze/contract'
import { multipartDocs } from '../../multipart-docs.js'
import { caseCreateLimit } from '../../../plugins/app/rate-limit.js'
import { assertMayCreateFrom } from '../../../domain/case-rules.js'
import { fieldsValidator, receiveMessage } from '../../../uploads/receive-message.js'
import { toCaseWithMessage } from '../../../mapping/cases.js'

const validateFields = fieldsValidator(CreateCaseFields)

const create: FastifyPluginAsyncTypebox = async (fastify) => {
  const { uploadMaxFiles, uploadMaxFileBytes } = fastify.config
  fastify.post(
    '',
    {
      config: { ...multipartDocs(withFiles(CreateCaseFields)), rateLimit: caseCreateLimit(fastify.config) },
      schema: {
        tags: ['cases'],
        summary: 'Utwórz sprawę: ask the experts a question, with attachments',
        description:
          'multipart/form-data: `question`, `subject?` (defaults to the first sentence of the question, a greeting such as "Dzień dobry," skipped), `entryPoint`, `pageUrl?`, `afterSuggestion?` (a suggestion was opened while writing it: statistics), and file parts named `files` (type decided by content). Office chief only (403 ONLY_OFFICE_CHIEF); with an inactive package only `entryPoint=messages`, sent before the files (403 PACKAGE_INACTIVE, decided before any file is read), and the case is marked `aboutSystemUsage`.',
        security: [{ identityToken: [] }],
        response: { 201: CaseWithMessage, ...problemResponses }
      }
    },
    async (request, reply) => {
      const identity = request.identity
      const userAgent = request.headers['user-agent']?.slice(0, 500) ?? null
      const created = await receiveMessage(
        request,
        fastify.uploads,
        {
          validate: validateFields,
          maxFiles: uploadMaxFiles,
          maxFileBytes: uploadMaxFileBytes,
          tenant: identity.tenant,
          chargeQuota: true,
          // An inactive package decides from the entry point, which the widget sends before any
          // file: refuse before a byte is stored rather than stream everything and delete it.
          beforeFile: (raw) => {
            if (!identity.package.active) assertMayCreateFrom(identity, raw.entryPoint === 'messages' ? 'messages' : 'sidebar')
          }
        },
        async ({ fields, files }) => {
          assertMayCreateFrom(identity, fields.entryPoint)
          return fastify.cases.create(identity, fields, files, userAgent)
        }
      )
      return reply.code(201).send(toCaseWithMessage(created, identity.locale))
    }
  )
}

export default create
