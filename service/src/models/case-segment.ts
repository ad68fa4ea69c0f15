import { Schema, type Connection } from 'mongoose'

/**
 * One segment of a case list (the read model in docs/adr/0100-bounded-hot-queries.md): the
 * cases of `list` whose position (lastActivityAt, _id) is at or above `lo` and below the next
 * segment's `lo` carry this segment's `_id` in one of their list fields. `lo` null is the
 * bottom of the list. `n` counts them (kept by $inc in the write paths).
 */
const caseSegmentSchema = new Schema(
  {
    _id: { type: String, required: true },
    list: { type: String, required: true },
    loT: { type: Number, default: null },
    loI: { type: String, default: null },
    n: { type: Number, required: true, default: 0 },
    // 1 while one writer splits the segment, so two cannot split it at once.
    lock: { type: Number, required: true, default: 0 }
  },
  { versionKey: false }
)

caseSegmentSchema.index({ list: 1 })

export const caseSegmentModel = (connection: Connection) => connection.model('CaseSegment', caseSegmentSchema, 'case_segments')
