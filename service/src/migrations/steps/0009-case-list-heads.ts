import { byLo, headRepairs, type SegmentDoc } from '../../repositories/case-lists/build.js'
import type { Migration } from '../types.js'

/**
 * Segments written before lists marked their ends (ADR 0100: `top`, `bottom`, the top's `total`)
 * get them, so first pages, the page total and the unread badge stop reading whole directories.
 * Not required: until it has run, readers find no marked end and read the directory as before.
 * Idempotent: only segments whose head fields differ from what their list says are written.
 */
export const caseListHeads: Migration = {
  id: '0009-case-list-heads',
  description: 'Case list segments mark the top and bottom of their list; the top of a chief’s list carries its size',
  required: false,
  async up(ctx) {
    const store = ctx.db.collection<SegmentDoc>('case_segments')
    const byList = new Map<string, SegmentDoc[]>()
    const projection = { list: 1, loT: 1, loI: 1, n: 1, top: 1, bottom: 1, total: 1 }
    for (const s of await store.find({}, { projection }).toArray()) {
      const members = byList.get(s.list)
      if (members) members.push(s)
      else byList.set(s.list, [s])
    }
    let repaired = 0
    for (const segments of byList.values()) {
      for (const { id, set } of headRepairs(segments.sort(byLo))) {
        await store.updateOne({ _id: id }, { $set: set })
        repaired++
      }
    }
    ctx.log.info({ lists: byList.size, repaired }, 'case list heads marked')
  }
}
