import type { Models } from '../models/index.js'

/** The per-request byte records behind the office storage quota (see models/upload-quota.ts). */
export function createUploadQuotaRepository(models: Models) {
  const { UploadQuota } = models
  return {
    /** Bytes recorded under a key by every request, on every instance. */
    async used(key: string): Promise<number> {
      const records = await UploadQuota.find({ key }, { bytes: 1 }).lean()
      return records.reduce((sum, r) => sum + r.bytes, 0)
    },

    /** Sets this request's own record; only the request that made it ever writes it. */
    async record(id: string, key: string, bytes: number, expiresAt: Date): Promise<void> {
      await UploadQuota.updateOne({ _id: id }, { $set: { key, bytes, expiresAt } }, { upsert: true })
    },

    async remove(id: string): Promise<void> {
      await UploadQuota.deleteOne({ _id: id })
    },

    async deleteExpired(): Promise<number> {
      return (await UploadQuota.deleteMany({ expiresAt: { $lte: new Date() } })).deletedCount
    }
  }
}

export type UploadQuotaRepository = ReturnType<typeof createUploadQuotaRepository>
