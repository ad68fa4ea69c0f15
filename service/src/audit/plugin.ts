import fp from 'fastify-plugin'
import { bindRequest } from './context.js'
import { auditListener } from './listener.js'
import { createAuditLog, type AuditLog } from './log.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The append-only audit log; written through `fastify.activity`, read by GET /admin/v1/audit. */
    auditLog: AuditLog
  }
}

/** Audits every recorded activity; registered after the repositories so it listens last. */
export default fp(
  async function auditPlugin(fastify) {
    const log = createAuditLog(fastify.models)
    fastify.decorate('auditLog', log)
    fastify.activity.use('audit', auditListener(log))
    fastify.addHook('preHandler', bindRequest)
  },
  { name: 'audit', dependencies: ['events', 'repositories'] }
)
