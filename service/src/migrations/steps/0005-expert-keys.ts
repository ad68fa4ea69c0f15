import type { Migration } from '../types.js'

/**
 * Experts had exactly one API key, stored on the expert (`keyHash`, `keyPrefix`). Keys now live
 * in `expert_keys`, several per expert, with a note and the last-used time. Each old key is
 * copied there (upserted by its hash, so a resumed batch copies nothing twice) and the expert is
 * marked `keysMoved`. The old fields stay, so instances of the previous release keep accepting
 * the key during a rolling update; a later release may drop them.
 */
export const expertKeys: Migration = {
  id: '0005-expert-keys',
  description: 'Copy each expert’s single API key into expert_keys (several keys per expert)',
  required: true,
  async up(ctx) {
    const experts = ctx.db.collection('experts')
    const keys = ctx.db.collection('expert_keys')
    type Old = { _id: unknown; keyHash: string; keyPrefix?: string; createdAt?: Date; revokedAt?: Date | null }
    await ctx.eachBatch<Old>(
      'copy',
      'experts',
      { keyHash: { $exists: true }, keysMoved: { $ne: true } },
      { _id: 1, keyHash: 1, keyPrefix: 1, createdAt: 1 },
      async (docs) => {
        for (const d of docs) {
          const createdAt = d.createdAt ?? new Date()
          await keys.updateOne(
            { keyHash: d.keyHash },
            {
              $setOnInsert: {
                expertId: d._id,
                keyHash: d.keyHash,
                keyPrefix: d.keyPrefix ?? d.keyHash.slice(0, 10),
                note: '',
                lastUsedAt: null,
                revokedAt: null,
                createdAt
              }
            },
            { upsert: true }
          )
        }
        await experts.updateMany({ _id: { $in: docs.map((d) => d._id) } } as object, { $set: { keysMoved: true } })
      }
    )
  }
}
