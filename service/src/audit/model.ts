import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/**
 * One audit record (append-only: nothing in the API updates or deletes it; only the
 * retention job removes whole days, and an erasure replaces the erased person's name).
 *
 * Every field a reader filters on is a top-level scalar, because FerretDB 1.24 pushes down
 * only equality on those: `day` (UTC `YYYY-MM-DD`) is the time bucket each query reads by
 * equality, so no query ever sorts more than one day, one case or one actor's records.
 */
const auditSchema = new Schema(
  {
    at: { type: Date, required: true },
    day: { type: String, required: true },
    actorKind: { type: String, enum: ['expert', 'chief', 'user', 'system'], required: true },
    actorId: { type: String, required: true },
    actorName: { type: String, required: true },
    actorAppId: { type: String, default: null },
    actorOfficeId: { type: String, default: null },
    action: { type: String, required: true },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    caseId: { type: String, default: null },
    appId: { type: String, default: null },
    officeId: { type: String, default: null },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
    // Small facts only (counts, statuses, ids) — never content.
    detail: { type: Schema.Types.Mixed, default: {} }
  },
  { versionKey: false, minimize: false }
)

auditSchema.index({ day: 1, _id: -1 })
auditSchema.index({ caseId: 1, _id: -1 })
auditSchema.index({ actorId: 1, day: 1 })
auditSchema.index({ targetId: 1, day: 1 })

export type AuditDoc = InferSchemaType<typeof auditSchema>

/** Small job state documents (e.g. how far the audit retention has deleted). */
const jobStateSchema = new Schema(
  { _id: { type: String, required: true }, value: { type: Schema.Types.Mixed, default: null }, at: { type: Date, required: true } },
  { versionKey: false, minimize: false }
)

export const auditModels = (connection: Connection) => ({
  Audit: connection.model('Audit', auditSchema, 'audit'),
  JobState: connection.model('JobState', jobStateSchema, 'job_state')
})
