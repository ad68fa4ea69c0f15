import { Types } from 'mongoose'
import type { ExpertLocale } from '@ze/contract'
import type { Models } from '../models/index.js'
import { createExpertKeys } from './expert-keys.js'

export { hashKey } from './expert-keys.js'

export interface Expert {
  id: string
  name: string
  email: string
  admin: boolean
  locale: ExpertLocale
}

/** What authentication reads of an expert; everything a request may need about who is asking. */
export const EXPERT_FIELDS = { name: 1, email: 1, admin: 1, locale: 1 } as const

export function toExpert(doc: { _id: unknown; name: string; email: string; admin: boolean; locale?: string | null }): Expert {
  return { id: String(doc._id), name: doc.name, email: doc.email, admin: doc.admin, locale: doc.locale === 'en' ? 'en' : 'pl' }
}

// Addresses are compared lower-cased (sign-in links look them up).
export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

export function createExpertsRepository(models: Models) {
  const keys = createExpertKeys(models)

  /** The active (not deactivated) expert with this id, or null. */
  async function active(id: unknown): Promise<Expert | null> {
    const doc = await models.Expert.findOne({ _id: id, revokedAt: null }, EXPERT_FIELDS).lean()
    return doc ? toExpert(doc) : null
  }

  return {
    keys,
    active,

    /** Creates an expert with a first API key (`npm run expert`, tests); the key is not stored and cannot be shown again. */
    async create(input: { name: string; email: string; admin: boolean }, note = 'npm run expert'): Promise<{ expert: Expert; key: string }> {
      const doc = await models.Expert.create({ ...input, email: normaliseEmail(input.email) })
      const { key } = await keys.issue(doc._id, note)
      return { expert: toExpert(doc), key }
    },

    /**
     * Creates an expert without a key (an invitation: they sign in by e-mailed link). Null when
     * an expert has this address already. Checked by a read, not a unique index: older
     * installations may hold two experts with one address, which must not stop an upgrade.
     */
    async invite(input: { name: string; email: string; admin: boolean; locale: ExpertLocale }): Promise<Expert | null> {
      const email = normaliseEmail(input.email)
      if (await models.Expert.exists({ email })) return null
      return toExpert(await models.Expert.create({ ...input, name: input.name.trim(), email }))
    },

    /** The active expert behind an unrevoked key. A revoked key and a deactivated expert's key are refused alike. */
    async authenticate(key: string): Promise<{ expert: Expert | null }> {
      const expertId = await keys.use(key)
      return { expert: expertId ? await active(expertId) : null }
    },

    /** Replaces all keys of an existing expert with a new one and reactivates them (the demo's start-up). */
    async rotateKey(id: string): Promise<string | null> {
      const res = await models.Expert.updateOne({ _id: id }, { $set: { revokedAt: null } })
      if (res.matchedCount !== 1) return null
      await keys.revokeAll(id)
      return (await keys.issue(id, 'npm run demo')).key
    },

    async findByEmail(email: string): Promise<Expert | null> {
      const doc = await models.Expert.findOne({ email: normaliseEmail(email) }, EXPERT_FIELDS).lean()
      return doc ? toExpert(doc) : null
    },

    /** Deactivates an expert: their keys and sessions are refused from the next request on (both look the expert up each time). */
    async revoke(id: string): Promise<boolean> {
      const res = await models.Expert.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: new Date() } })
      if (res.modifiedCount === 1) await models.ExpertSession.deleteMany({ expertId: new Types.ObjectId(id) })
      return res.modifiedCount === 1
    },

    /** Experts who can be assigned a case (the console's assignee picker), by name. */
    async listActive(): Promise<Array<{ id: string; name: string }>> {
      const docs = await models.Expert.find({ revokedAt: null }, { name: 1 }).lean()
      return docs.map((d) => ({ id: String(d._id), name: d.name })).sort((a, b) => a.name.localeCompare(b.name, 'pl'))
    },

    /** Every expert with their key prefixes (`npm run expert -- list`). */
    async list(): Promise<Array<Expert & { keyPrefixes: string[]; revoked: boolean }>> {
      const docs = await models.Expert.find({}, { ...EXPERT_FIELDS, revokedAt: 1 })
        .sort({ _id: 1 })
        .lean()
      const byExpert = await keys.byExpert(docs.map((d) => d._id))
      return docs.map((d) => ({
        ...toExpert(d),
        keyPrefixes: (byExpert.get(String(d._id)) ?? []).filter((k) => !k.revokedAt).map((k) => k.prefix),
        revoked: Boolean(d.revokedAt)
      }))
    }
  }
}

export type ExpertsRepository = ReturnType<typeof createExpertsRepository>
