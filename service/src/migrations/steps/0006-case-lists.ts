import { buildLists, byLo, locate, type SegmentDoc } from '../../repositories/case-lists/build.js'
import { LIST_FIELDS, listFields, positionOf, type ListField, type ListedCase } from '../../repositories/case-lists/lists.js'
import type { Migration } from '../types.js'

// Segment documents per insert, and case updates in flight at once: small, because FerretDB runs
// a bulk write as one statement per document and a long one meets the driver's socket timeout.
const CHUNK = 100
const PARALLEL = 8

const PROJECTION = { appId: 1, officeId: 1, archived: 1, chiefUnread: 1, status: 1, assigneeId: 1, lastActivityAt: 1 }

/**
 * Cases written before the segmented read model (docs/adr/0100-bounded-hot-queries.md) carry no
 * list fields, so the hot lists would not show them. Two steps:
 * 1. segments for every list that has none yet, cut from a small in-memory projection of the
 *    cases without list fields (a list that already has segments keeps them, so a resumed run
 *    never cuts a second, overlapping set);
 * 2. through the runner's batches, each such case gets, per list, the segment whose range holds
 *    it — one update by `_id` per case, conditional on the field still missing, so a rerun and
 *    a resume are no-ops for what is done.
 * Required: the lists are how the new code reads cases.
 */
export const caseLists: Migration = {
  id: '0006-case-lists',
  description: 'Cases written before the segmented case lists (ADR 0100) get their list segments',
  required: true,
  async up(ctx) {
    const cases = ctx.db.collection('cases')
    const store = ctx.db.collection<SegmentDoc & { lock: number }>('case_segments')
    // `null` matches a missing field on MongoDB and FerretDB alike.
    if (!(await cases.findOne({ listSeg: null }, { projection: { _id: 1 } }))) return

    const byList = new Map<string, SegmentDoc[]>()
    for (const s of await store.find({}).toArray()) byList.set(s.list, [...(byList.get(s.list) ?? []), s])
    const legacy = (await cases.find({ listSeg: null }, { projection: PROJECTION }).toArray()) as unknown as ListedCase[]
    const fresh = buildLists(legacy).segments.filter((s) => !byList.has(s.list))
    for (let k = 0; k < fresh.length; k += CHUNK) await store.insertMany(fresh.slice(k, k + CHUNK).map((s) => ({ ...s, lock: 0 })))
    for (const s of fresh) byList.set(s.list, [...(byList.get(s.list) ?? []), s])
    for (const segments of byList.values()) segments.sort(byLo)
    ctx.log.info({ cases: legacy.length, segments: fresh.length }, 'case list segments written')

    const fieldsOf = (c: ListedCase): Record<ListField, string> => {
      const set = {} as Record<ListField, string>
      for (const field of listFields) {
        const list = LIST_FIELDS[field](c)
        // A case written by the previous release after step 1 may open a list: its bottom segment.
        set[field] = locate(byList.get(list) ?? [], positionOf(c))?._id ?? `${list}#root`
      }
      return set
    }
    const roots = new Set<string>()
    await ctx.eachBatch<ListedCase>('fields', 'cases', { listSeg: null }, PROJECTION, async (docs) => {
      for (let k = 0; k < docs.length; k += PARALLEL) {
        await Promise.all(
          docs.slice(k, k + PARALLEL).map(async (c) => {
            const set = fieldsOf(c)
            for (const [field, id] of Object.entries(set)) {
              if (!id.endsWith('#root') || roots.has(id)) continue
              roots.add(id)
              await store.updateOne(
                { _id: id },
                { $setOnInsert: { list: LIST_FIELDS[field as ListField](c), loT: null, loI: null, n: 0, lock: 0 } },
                { upsert: true }
              )
            }
            await cases.updateOne({ _id: c._id, listSeg: null } as object, { $set: set })
          })
        )
      }
    })
  }
}
