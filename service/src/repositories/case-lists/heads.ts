import { byLo, headRepairs, type SegmentDoc } from './build.js'

/** What of a driver collection of segments this needs (the model's `collection` or a migration's `db.collection`). */
interface SegmentCollection {
  find(filter: Record<string, unknown>): { toArray(): Promise<unknown[]> }
  updateOne(filter: Record<string, unknown>, update: Record<string, unknown>): Promise<unknown>
}

/**
 * Sets a list's head fields (top, bottom, the top's total) from its whole directory: after each
 * write to a chief's list, after bulk loads and by migration 0009. Only differing segments are
 * written; a repair racing a split is corrected by the next one.
 */
export async function repairHeads(segments: SegmentCollection, list: string): Promise<number> {
  const all = ((await segments.find({ list }).toArray()) as SegmentDoc[]).sort(byLo)
  const repairs = headRepairs(all)
  for (const { id, set } of repairs) await segments.updateOne({ _id: id }, { $set: set })
  return repairs.length
}
