import { Schema, type Connection } from 'mongoose'

/**
 * One segment of a case list (the read model in docs/adr/0100-bounded-hot-queries.md): the
 * cases of `list` whose position (lastActivityAt, _id) is at or above `lo` and below the next
 * segment's `lo` carry this segment's `_id` in one of their list fields. `lo` null is the
 * bottom of the list. `n` counts them (kept by $inc in the write paths, settled by counting).
 */
const caseSegmentSchema = new Schema(
  {
    _id: { type: String, required: true },
    list: { type: String, required: true },
    loT: { type: Number, default: null },
    loI: { type: String, default: null },
    n: { type: Number, required: true, default: 0 },
    // 1 while one writer splits the segment, so two cannot split it at once.
    lock: { type: Number, required: true, default: 0 },
    // The list's name on its highest / lowest segment, null elsewhere: a first page reads its end
    // of the list by one equality (repositories/case-lists/store.ts `headOf`).
    top: { type: String, default: null },
    bottom: { type: String, default: null },
    // On the top segment of a chief's list: the list's size, from the settled counters.
    total: { type: Number, default: null },
    // The next lower segment, so a page walks down from the top by `_id` (a split relinks the one above by this field).
    prev: { type: String, default: null }
  },
  { versionKey: false }
)

caseSegmentSchema.index({ list: 1 })
caseSegmentSchema.index({ top: 1 })
caseSegmentSchema.index({ bottom: 1 })
caseSegmentSchema.index({ prev: 1 })

/**
 * One per office (`_id` `<appId>|<officeId>`): a random token replaced after every write to the
 * office's cases, against which instances validate their cached list pages
 * (repositories/case-lists/page-cache.ts, docs/adr/0101-cached-list-pages.md). A random token and
 * not a `$inc` counter: FerretDB 1.24 loses concurrent `$inc`s, and a lost increment could bring
 * back a version a cache has already seen; of two concurrent `$set`s either leaves a new value.
 */
const caseListVersionSchema = new Schema({ _id: { type: String, required: true }, token: { type: String, required: true } }, { versionKey: false })

export const caseListVersionModel = (connection: Connection) => connection.model('CaseListVersion', caseListVersionSchema, 'case_list_versions')

export const caseSegmentModel = (connection: Connection) => connection.model('CaseSegment', caseSegmentSchema, 'case_segments')
