import { randomBytes } from 'node:crypto'
import type { Models } from '../models/index.js'

const isDuplicateKey = (err: unknown): boolean => (err as { code?: number }).code === 11000

/** Unsubscribe scope: `app:<appId>` (the chiefs of one host app) or `experts`. */
export type Audience = `app:${string}` | 'experts'
export const appAudience = (appId: string): Audience => `app:${appId}`
const recipientId = (audience: string, address: string): string => `${audience}:${address.trim().toLowerCase()}`

/** Who may still be e-mailed, and the unguessable token each unsubscribe link carries. */
export function createRecipients(models: Models) {
  return {
    /** The address's unsubscribe token (made on first use), or null when it has unsubscribed. */
    async tokenFor(audience: string, address: string): Promise<string | null> {
      const _id = recipientId(audience, address)
      for (let attempt = 0; attempt < 3; attempt++) {
        const found = await models.MailRecipient.findById(_id).lean()
        if (found) return found.unsubscribedAt ? null : found.token
        try {
          const token = randomBytes(24).toString('base64url')
          await models.MailRecipient.create({ _id, token })
          return token
        } catch (err) {
          if (!isDuplicateKey(err)) throw err
        }
      }
      throw new Error('could not create the unsubscribe token')
    },

    /** Records the unsubscription; false for an unknown token. Idempotent. */
    async unsubscribe(token: string): Promise<boolean> {
      const found = await models.MailRecipient.findOne({ token }).lean()
      if (!found) return false
      if (!found.unsubscribedAt) await models.MailRecipient.updateOne({ _id: found._id }, { $set: { unsubscribedAt: new Date() } })
      return true
    },

    async isKnownToken(token: string): Promise<boolean> {
      return (await models.MailRecipient.exists({ token })) !== null
    }
  }
}

export type Recipients = ReturnType<typeof createRecipients>
