import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { ErasureBody, ErasureReport, OfficeExportQuery, RetentionReport, problemResponses } from '@ze/contract'
import { AppError } from '../../errors.js'
import { binaryResponse } from '../multipart-docs.js'
import { exportOffice } from '../../privacy/export.js'
import { eraseUser } from '../../privacy/erase.js'

const tags = ['admin', 'privacy']
const security = [{ expertKey: [] }]

/** RODO (GDPR) requests: export an office, erase a person, see what retention would delete. Admin experts only, each audited. */
const privacy: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.addHook('onRequest', async (request) => {
    if (!request.expert?.admin) throw new AppError('ADMIN_ROLE_REQUIRED', 'Privacy requests are handled by experts with the admin role')
  })

  fastify.get(
    '/privacy/export',
    {
      schema: {
        tags,
        summary: 'Everything stored about one office, as a zip of JSON files and attachments (streamed)',
        description:
          '`office.json` (summary), `cases.json`, `messages.json` (internal notes marked), `ratings.json`, `forum-threads.json`, `forum-posts.json` and `attachments/<id>-<name>`.',
        security,
        querystring: OfficeExportQuery,
        response: {
          200: { ...binaryResponse('A zip archive'), content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
          ...problemResponses
        }
      }
    },
    async (request, reply) => {
      const { appId, officeId } = request.query
      const { stream, attachments } = await exportOffice(fastify.db, fastify.models, { appId, officeId })
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'office.exported', target: { type: 'office', id: officeId }, appId, officeId, detail: { attachments } }
      })
      return (reply as FastifyReply)
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="export-${appId}-${officeId.replace(/[^A-Za-z0-9_-]/g, '_')}.zip"`)
        .header('cache-control', 'private, no-store')
        .send(stream)
    }
  )

  fastify.post(
    '/privacy/erasures',
    {
      schema: {
        tags,
        summary: 'Erase one host-app user: name, e-mail and device data pseudonymised, their files deleted',
        description: 'What they wrote stays under a random pseudonym (see docs/privacy.md). The audit log keeps a record of the erasure without content.',
        security,
        body: ErasureBody,
        response: { 200: ErasureReport, ...problemResponses }
      }
    },
    async (request) => {
      const report = await eraseUser(fastify.models, fastify.attachments, fastify.auditLog, request.body)
      const { pseudonymId, ...counts } = report
      await fastify.activity.record({
        type: 'audit',
        audit: { action: 'user.erased', target: { type: 'user', id: pseudonymId }, appId: request.body.appId, officeId: request.body.officeId, detail: counts }
      })
      return report
    }
  )

  fastify.get(
    '/privacy/retention',
    {
      schema: {
        tags,
        summary: 'Dry run of the retention policy: what the next run would delete',
        security,
        response: { 200: RetentionReport, ...problemResponses }
      }
    },
    async () => fastify.runRetention({ dryRun: true })
  )
}

export default privacy
