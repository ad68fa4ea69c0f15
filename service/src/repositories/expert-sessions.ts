import { createHash, randomBytes } from 'node:crypto'
import type { Models } from '../models/index.js'
import { EXPERT_FIELDS, toExpert, type Expert } from './experts.js'

export interface SessionPolicy {
  idleMs: number
  absoluteMs: number
  linkTtlMs: number
}

// 256 random bits: a fast hash is enough, there is nothing to brute-force.
const newSecret = (): string => randomBytes(32).toString('base64url')
const hash = (secret: string): string => createHash('sha256').update(secret).digest('hex')
const SECRET = /^[A-Za-z0-9_-]{43}$/
// lastSeenAt is written at most this often, so a busy console does not write on every request.
const TOUCH_EVERY_MS = 60_000

/** Console sessions and the single-use links that start them; only hashes are stored. */
export function createExpertSessionsRepository(models: Models, policy: SessionPolicy) {
  const { ExpertSession, SignInLink, Expert: ExpertModel } = models

  async function activeExpert(id: unknown): Promise<Expert | null> {
    const doc = await ExpertModel.findOne({ _id: id, revokedAt: null }, EXPERT_FIELDS).lean()
    return doc ? toExpert(doc) : null
  }

  return {
    /** Starts a session; the returned secret goes into the cookie and is not kept. */
    async create(expertId: string, userAgent: string | null): Promise<string> {
      const secret = newSecret()
      const now = Date.now()
      await ExpertSession.create({ _id: hash(secret), expertId, lastSeenAt: new Date(now), expiresAt: new Date(now + policy.absoluteMs), userAgent })
      return secret
    },

    /** The expert behind a cookie, or null when unknown, idle too long, past its absolute end, or the expert is revoked. */
    async authenticate(secret: string): Promise<Expert | null> {
      if (!SECRET.test(secret)) return null
      const id = hash(secret)
      const doc = await ExpertSession.findById(id).lean()
      if (!doc) return null
      const now = Date.now()
      if (doc.expiresAt.getTime() <= now || doc.lastSeenAt.getTime() + policy.idleMs <= now) {
        await ExpertSession.deleteOne({ _id: id })
        return null
      }
      const expert = await activeExpert(doc.expertId)
      if (!expert) return null
      if (now - doc.lastSeenAt.getTime() > TOUCH_EVERY_MS) await ExpertSession.updateOne({ _id: id }, { $set: { lastSeenAt: new Date(now) } })
      return expert
    },

    async revoke(secret: string): Promise<void> {
      if (SECRET.test(secret)) await ExpertSession.deleteOne({ _id: hash(secret) })
    },

    /** Ends every session of an expert (key revoked, or "sign out everywhere"). */
    async revokeAll(expertId: string): Promise<number> {
      return (await ExpertSession.deleteMany({ expertId })).deletedCount
    },

    /** A link secret for the active expert with this address, or null (the caller answers the same either way). Invitations live longer than `linkTtlMs`. */
    async createLink(email: string, ttlMs = policy.linkTtlMs): Promise<{ expert: Expert; secret: string } | null> {
      const doc = await ExpertModel.findOne({ email: email.trim().toLowerCase(), revokedAt: null }, EXPERT_FIELDS).lean()
      if (!doc) return null
      const secret = newSecret()
      await SignInLink.create({ _id: hash(secret), expertId: doc._id, expiresAt: new Date(Date.now() + ttlMs) })
      return { expert: toExpert(doc), secret }
    },

    /**
     * Uses up a link. The delete decides who wins when two requests race: only the one whose
     * delete removed the record gets the expert (a delete is atomic on MongoDB and FerretDB alike).
     */
    async consumeLink(secret: string): Promise<Expert | null> {
      if (!SECRET.test(secret)) return null
      const id = hash(secret)
      const doc = await SignInLink.findById(id).lean()
      if (!doc) return null
      const { deletedCount } = await SignInLink.deleteOne({ _id: id })
      if (deletedCount !== 1 || doc.expiresAt.getTime() <= Date.now()) return null
      return activeExpert(doc.expertId)
    },

    /** Drops expired sessions and links (FerretDB has no TTL indexes). */
    async deleteExpired(): Promise<void> {
      const now = new Date()
      await SignInLink.deleteMany({ expiresAt: { $lte: now } })
      await ExpertSession.deleteMany({ $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: new Date(now.getTime() - policy.idleMs) } }] })
    }
  }
}

export type ExpertSessionsRepository = ReturnType<typeof createExpertSessionsRepository>
