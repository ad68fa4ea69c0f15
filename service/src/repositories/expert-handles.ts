import type { Models } from '../models/index.js'
import { newExpertHandle } from '../models/expert.js'
import { toObjectId } from './map.js'

/** What a chief sees for an expert no longer in the database (experts are revoked, not deleted). */
const UNKNOWN_EXPERT = 'exp_unknown'

/**
 * Expert database ids stay on the experts' side; office chiefs see a public handle per expert
 * instead (stable, so the widget can group an expert's messages, and useless to an attacker).
 * Handles never change once given, so they are cached for the life of the process.
 */
export function createExpertHandles(models: Models) {
  const cache = new Map<string, string>()

  async function assign(id: string): Promise<void> {
    const _id = toObjectId(id)
    if (!_id) return
    // Only an expert without a handle gets one; of two instances racing, the first write wins.
    await models.Expert.updateOne({ _id, handle: null }, { $set: { handle: newExpertHandle() } })
  }

  return {
    /** Handles for the given expert ids (database ids as strings). */
    async of(ids: Iterable<string>): Promise<ReadonlyMap<string, string>> {
      const wanted = [...new Set(ids)]
      const missing = () => wanted.filter((id) => !cache.has(id))
      for (let round = 0; round < 2 && missing().length > 0; round++) {
        const objectIds = missing()
          .map(toObjectId)
          .filter((id) => id !== null)
        const docs = await models.Expert.find({ _id: { $in: objectIds } }, { handle: 1 }).lean()
        const unassigned = docs.filter((d) => !d.handle).map((d) => String(d._id))
        for (const d of docs) if (d.handle) cache.set(String(d._id), d.handle)
        if (unassigned.length === 0) break
        for (const id of unassigned) await assign(id)
      }
      return new Map(wanted.map((id) => [id, cache.get(id) ?? UNKNOWN_EXPERT]))
    }
  }
}

export type ExpertHandles = ReturnType<typeof createExpertHandles>
