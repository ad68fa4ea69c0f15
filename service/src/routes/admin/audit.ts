import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditPage, AuditQuery, problemResponses } from '@ze/contract'
import { AppError } from '../../errors.js'

/** The audit log, for admin experts only. Read-only by design: there is no route that changes or deletes a record. */
const audit: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log: who did what to which case, attachment, article, post, session or key, when and from where (admin experts)',
        description:
          'Newest first. Filters are exact matches; `from`/`to` are UTC days (default: the last 31 days). Each request reads at most 31 days of the range (or one case with `caseId`), so a page may be short and still carry `nextCursor`; follow it until it is null. Records never contain message bodies or file contents.',
        security: [{ expertKey: [] }],
        querystring: AuditQuery,
        response: { 200: AuditPage, ...problemResponses }
      }
    },
    async (request) => {
      if (!request.expert?.admin) throw new AppError('ADMIN_ROLE_REQUIRED', 'The audit log is readable by experts with the admin role')
      return fastify.auditLog.list(request.query)
    }
  )
}

export default audit
