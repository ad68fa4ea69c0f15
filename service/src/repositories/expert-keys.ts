import { createHash, randomBytes } from 'node:crypto'
import type { Types } from 'mongoose'
import type { ApiKeyInfo } from '@ze/contract'
import type { Models } from '../models/index.js'

const KEY_PREFIX = 'zek_'
const PREFIX_SHOWN = 10
// lastUsedAt is written at most this often per key, so a busy script does not write on every call.
const TOUCH_EVERY_MS = 60_000

// Keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex')
const newKey = (): string => KEY_PREFIX + randomBytes(32).toString('base64url')
export const looksLikeKey = (key: string): boolean => key.startsWith(KEY_PREFIX) && key.length <= 200

interface StoredKey {
  _id: Types.ObjectId
  expertId: Types.ObjectId
  keyPrefix: string
  note?: string
  createdAt: Date
  lastUsedAt?: Date | null
  revokedAt?: Date | null
}

export const toKeyInfo = (k: StoredKey): ApiKeyInfo => ({
  id: String(k._id),
  prefix: k.keyPrefix,
  note: k.note ?? '',
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt ? k.lastUsedAt.toISOString() : null,
  revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null
})

/** API keys for automation: several per expert, each with a note and its last use; only hashes are stored. */
export function createExpertKeys(models: Models) {
  const { ExpertKey } = models
  return {
    /** Issues a key; the secret is returned once and not kept. */
    async issue(expertId: Types.ObjectId | string, note: string): Promise<{ key: string; info: ApiKeyInfo }> {
      const key = newKey()
      const doc = await ExpertKey.create({ expertId, keyHash: hashKey(key), keyPrefix: key.slice(0, PREFIX_SHOWN), note })
      return { key, info: toKeyInfo(doc.toObject() as StoredKey) }
    },

    /** The expert id behind an unrevoked key (recording its use), or null. */
    async use(key: string): Promise<Types.ObjectId | null> {
      if (!looksLikeKey(key)) return null
      const doc = await ExpertKey.findOne({ keyHash: hashKey(key) }, { expertId: 1, lastUsedAt: 1, revokedAt: 1 }).lean()
      if (!doc || doc.revokedAt) return null
      const now = Date.now()
      if (!doc.lastUsedAt || now - doc.lastUsedAt.getTime() > TOUCH_EVERY_MS)
        await ExpertKey.updateOne({ _id: doc._id }, { $set: { lastUsedAt: new Date(now) } })
      return doc.expertId
    },

    /** Revokes one key of one expert; null when the expert has no such key. */
    async revoke(expertId: string, keyId: string): Promise<ApiKeyInfo | null> {
      await ExpertKey.updateOne({ _id: keyId, expertId, revokedAt: null }, { $set: { revokedAt: new Date() } })
      const doc = await ExpertKey.findOne({ _id: keyId, expertId }).lean<StoredKey>()
      return doc ? toKeyInfo(doc) : null
    },

    async revokeAll(expertId: Types.ObjectId | string): Promise<number> {
      return (await ExpertKey.updateMany({ expertId, revokedAt: null }, { $set: { revokedAt: new Date() } })).modifiedCount
    },

    /** Every key of these experts, newest first, by expert id. */
    async byExpert(expertIds: Types.ObjectId[]): Promise<Map<string, ApiKeyInfo[]>> {
      const docs = await ExpertKey.find({ expertId: { $in: expertIds } }).lean<StoredKey[]>()
      const out = new Map<string, ApiKeyInfo[]>()
      docs.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || String(b._id).localeCompare(String(a._id)))
      for (const d of docs) {
        const list = out.get(String(d.expertId)) ?? []
        list.push(toKeyInfo(d))
        out.set(String(d.expertId), list)
      }
      return out
    }
  }
}

export type ExpertKeys = ReturnType<typeof createExpertKeys>
