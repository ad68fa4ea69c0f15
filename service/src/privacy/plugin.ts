import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import fp from 'fastify-plugin'
import { createLease } from '../notifications/lease.js'
import { SYSTEM_ACTOR } from '../audit/log.js'
import { runRetention, type RetentionPolicy, type RetentionReport } from './retention.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** One retention round with this instance's policy (the scheduled job, the admin dry run, tests). */
    runRetention(options: { dryRun: boolean; now?: Date }): Promise<RetentionReport>
  }
}

const LEASE_MS = 10 * 60_000

/**
 * The retention job: every RETENTION_INTERVAL_MINUTES one instance (the holder of the
 * `retention` lease, the outbox worker's lease mechanism) deletes what the policy says has
 * expired — or, with RETENTION_DRY_RUN, only reports it. Each run is audited with its counts.
 */
export default fp(
  async function privacyPlugin(fastify) {
    const { config } = fastify
    const policy: RetentionPolicy = { caseMonths: config.retentionMonths, forumMonths: config.forumRetentionMonths, auditMonths: config.auditRetentionMonths }
    const deps = { models: fastify.models, attachments: fastify.attachments, auditLog: fastify.auditLog }
    fastify.decorate('runRetention', (options: { dryRun: boolean; now?: Date }) => runRetention(deps, policy, options))
    if (config.retentionIntervalMinutes === 0) return

    const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
    const lease = createLease(fastify.models, 'retention', owner, LEASE_MS)
    const log = fastify.log.child({ component: 'retention' })
    let running: Promise<void> | null = null

    async function round(): Promise<void> {
      if (fastify.db.readyState !== 1 || !(await lease.acquire())) return
      const report = await runRetention(deps, policy, { dryRun: config.retentionDryRun })
      const { cases, forum, audit } = report
      const detail = {
        dryRun: report.dryRun,
        cases: cases.cases,
        messages: cases.messages,
        attachments: cases.attachments,
        bytes: cases.bytes,
        forumThreads: forum.threads,
        forumPosts: forum.posts,
        auditDeleted: audit.deleted
      }
      log.info({ report }, report.dryRun ? 'retention dry run: what would be deleted' : 'retention run')
      await fastify.auditLog.append([
        {
          action: report.dryRun ? 'retention.dry-run' : 'retention.ran',
          target: { type: 'retention', id: report.at.slice(0, 10) },
          actor: SYSTEM_ACTOR,
          detail
        }
      ])
    }
    const timer = setInterval(() => {
      if (running) return
      running = round()
        .catch((err: Error) => log.warn({ err: err.message }, 'retention run failed; next interval retries'))
        .finally(() => {
          running = null
        })
    }, config.retentionIntervalMinutes * 60_000)
    timer.unref()
    fastify.addHook('preClose', async () => {
      clearInterval(timer)
      await running
      await lease.release().catch(() => {})
    })
  },
  { name: 'privacy', dependencies: ['repositories', 'audit'] }
)
