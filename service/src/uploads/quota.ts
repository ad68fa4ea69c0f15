import { randomUUID } from 'node:crypto'
import { AppError } from '../errors.js'
import type { AttachmentTenant } from '../repositories/attachments.js'
import type { UploadQuotaRepository } from '../repositories/upload-quota.js'

/** Bytes a request may stream between two checks of the office's total (bounds the overshoot in flight). */
export const QUOTA_CHECK_STEP = 4 * 1024 * 1024

export interface QuotaOptions {
  /** Bytes one office may upload per period; 0 = no quota. */
  bytes: number
  periodHours: number
  /** Bytes of a multipart body that can be something other than files (fields, part headers). */
  nonFileAllowance: number
}

/** One request's share of its office's quota. */
export interface QuotaCharge {
  /**
   * Called with the request's running total before a chunk is stored: records it and
   * checks the office's sum every QUOTA_CHECK_STEP bytes, and always when `final` (a file
   * is complete, before the upload is acknowledged). Throws STORAGE_QUOTA_EXCEEDED.
   */
  charge(total: number, final?: boolean): Promise<void>
  /** The upload failed: its bytes were not kept and no longer count. */
  release(): Promise<void>
}

export interface UploadQuota {
  /** Checks the office before any file byte is stored; null when there is no quota. */
  open(tenant: AttachmentTenant, declaredLength: number | undefined): Promise<QuotaCharge | null>
}

/**
 * Per-office upload quota per fixed period, shared by every service instance through the
 * database. Each request writes only its own record and then reads the office's sum, so
 * whatever the interleaving, the request that checks last sees every other admitted
 * request's bytes: acknowledged uploads never exceed the quota (under contention two
 * requests near the limit may both be refused — the safe side).
 */
export function createUploadQuota(repository: UploadQuotaRepository, options: QuotaOptions, now: () => number = Date.now): UploadQuota {
  const periodMs = options.periodHours * 3_600_000
  return {
    async open(tenant, declaredLength) {
      if (options.bytes === 0) return null
      const period = Math.floor(now() / periodMs)
      const key = `${tenant.appId}|${tenant.officeId}|${period}`
      const expiresAt = new Date((period + 1) * periodMs)
      const exceeded = (used: number) =>
        new AppError(
          'STORAGE_QUOTA_EXCEEDED',
          `This office may upload ${options.bytes} bytes per ${options.periodHours} h; ${Math.min(used, options.bytes)} are used`,
          {
            quotaBytes: options.bytes,
            usedBytes: Math.min(used, options.bytes),
            periodHours: options.periodHours,
            retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now()) / 1000))
          }
        )

      const usedBefore = await repository.used(key)
      // The body's length bounds its files: refused before a byte is read when it cannot fit.
      const fileBytesAtLeast = declaredLength === undefined ? 0 : declaredLength - options.nonFileAllowance
      if (usedBefore >= options.bytes || usedBefore + fileBytesAtLeast > options.bytes) throw exceeded(usedBefore)

      const id = randomUUID()
      let recorded = 0
      return {
        async charge(total, final = false) {
          if (total <= recorded || (!final && total - recorded < QUOTA_CHECK_STEP)) return
          await repository.record(id, key, total, expiresAt)
          recorded = total
          const used = await repository.used(key)
          if (used > options.bytes) throw exceeded(used - total)
        },
        async release() {
          if (recorded > 0) await repository.remove(id)
        }
      }
    }
  }
}
