import fp from 'fastify-plugin'
import type { AttachmentsRepository } from '../../repositories/attachments.js'
import { createUploadQuotaRepository } from '../../repositories/upload-quota.js'
import { multipartNonFileBytes } from '../external/multipart.js'
import { createScanner, type Scanner } from '../../uploads/scanner.js'
import { createUploadQuota, type UploadQuota } from '../../uploads/quota.js'
import { rescanPending, type RescanReport } from '../../uploads/rescan.js'

const QUOTA_CLEANUP_EVERY_MS = 10 * 60_000

/** What every upload goes through: storage, the malware scanner (when CLAMD_URL is set) and the office quota. */
export interface Uploads {
  attachments: AttachmentsRepository
  scanner: Scanner | null
  quota: UploadQuota
  /** One round of the rescan job (also run on a timer when the scanner is configured). */
  rescan(): Promise<RescanReport>
}

declare module 'fastify' {
  interface FastifyInstance {
    uploads: Uploads
  }
}

export default fp(
  async function uploadsPlugin(fastify) {
    const { config, log } = fastify
    const scanner = createScanner(
      { clamdUrl: config.clamdUrl, failureMode: config.scanFailureMode, timeoutMs: config.clamdTimeoutMs, onResult: fastify.metrics.scanResult },
      log
    )
    const quotaRepository = createUploadQuotaRepository(fastify.models)
    const quota = createUploadQuota(quotaRepository, {
      bytes: config.storageQuotaBytes,
      periodHours: config.storageQuotaPeriodHours,
      nonFileAllowance: multipartNonFileBytes(config)
    })
    const rescan = async (): Promise<RescanReport> => (scanner ? rescanPending(fastify.attachments, scanner, log) : { clean: 0, infected: 0, failed: 0 })
    fastify.decorate('uploads', { attachments: fastify.attachments, scanner, quota, rescan })

    const every = (ms: number, job: () => Promise<unknown>, what: string) => {
      const timer = setInterval(() => {
        if (fastify.db.readyState !== 1) return
        job().catch((err: unknown) => log.warn({ err }, `${what} failed`))
      }, ms)
      timer.unref()
      fastify.addHook('onClose', async () => clearInterval(timer))
    }
    every(QUOTA_CLEANUP_EVERY_MS, () => quotaRepository.deleteExpired(), 'upload quota cleanup')
    if (scanner) every(config.scanRescanIntervalMs, rescan, 'attachment rescan')
  },
  { name: 'uploads', dependencies: ['config', 'mongoose', 'repositories', 'metrics'] }
)
