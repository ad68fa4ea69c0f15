import { createHash, randomBytes } from 'node:crypto'
import type { Models } from '../models/index.js'
import { withId } from './map.js'

export interface Expert {
  id: string
  name: string
  email: string
  admin: boolean
}

const KEY_PREFIX = 'zek_'

// Keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex')

export function createExpertsRepository(models: Models) {
  return {
    /** Creates an expert and returns the API key; the key is not stored and cannot be shown again. */
    async create(input: { name: string; email: string; admin: boolean }): Promise<{ expert: Expert; key: string }> {
      const key = KEY_PREFIX + randomBytes(32).toString('base64url')
      // Addresses are compared lower-cased (sign-in links look them up).
      const doc = await models.Expert.create({ ...input, email: input.email.trim().toLowerCase(), keyHash: hashKey(key), keyPrefix: key.slice(0, 10) })
      return { expert: { id: String(doc._id), name: doc.name, email: doc.email, admin: doc.admin }, key }
    },

    async authenticate(key: string): Promise<{ expert: Expert | null; revoked: boolean }> {
      if (!key.startsWith(KEY_PREFIX) || key.length > 200) return { expert: null, revoked: false }
      const doc = await models.Expert.findOne({ keyHash: hashKey(key) }, { name: 1, email: 1, admin: 1, revokedAt: 1 }).lean()
      if (!doc) return { expert: null, revoked: false }
      if (doc.revokedAt) return { expert: null, revoked: true }
      const { id, name, email, admin } = withId(doc)
      return { expert: { id, name, email, admin }, revoked: false }
    },

    /** Issues a new key for an existing expert (the old one stops working at once). */
    async rotateKey(id: string): Promise<string | null> {
      const key = KEY_PREFIX + randomBytes(32).toString('base64url')
      const res = await models.Expert.updateOne({ _id: id }, { $set: { keyHash: hashKey(key), keyPrefix: key.slice(0, 10), revokedAt: null } })
      return res.matchedCount === 1 ? key : null
    },

    async findByEmail(email: string): Promise<Expert | null> {
      const doc = await models.Expert.findOne({ email: email.trim().toLowerCase() }, { name: 1, email: 1, admin: 1 }).lean()
      return doc ? { id: String(doc._id), name: doc.name, email: doc.email, admin: doc.admin } : null
    },

    async revoke(id: string): Promise<boolean> {
      const res = await models.Expert.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: new Date() } })
      return res.modifiedCount === 1
    },

    /** Experts who can be assigned a case (the console's assignee picker), by name. */
    async listActive(): Promise<Array<{ id: string; name: string }>> {
      const docs = await models.Expert.find({ revokedAt: null }, { name: 1 }).lean()
      return docs.map((d) => ({ id: String(d._id), name: d.name })).sort((a, b) => a.name.localeCompare(b.name, 'pl'))
    },

    async list(): Promise<Array<Expert & { keyPrefix: string; revoked: boolean }>> {
      const docs = await models.Expert.find({}, { name: 1, email: 1, admin: 1, keyPrefix: 1, revokedAt: 1 }).sort({ _id: 1 }).lean()
      return docs.map((d) => ({ id: String(d._id), name: d.name, email: d.email, admin: d.admin, keyPrefix: d.keyPrefix, revoked: Boolean(d.revokedAt) }))
    }
  }
}

export type ExpertsRepository = ReturnType<typeof createExpertsRepository>
