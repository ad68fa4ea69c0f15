import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose'

// Sub-schemas (not plain nested paths) so the inferred types say these are always present.
const refSchema = new Schema({ id: { type: String, required: true }, name: { type: String, required: true } }, { _id: false })
const accountSchema = new Schema(
  { type: { type: String, enum: ['office', 'client'], required: true }, id: { type: String, required: true }, name: { type: String, required: true } },
  { _id: false }
)
const ratingSchema = new Schema(
  { score: { type: Number, required: true }, comment: { type: String, default: null }, ratedAt: { type: Date, required: true } },
  { _id: false }
)
const contextSchema = new Schema({ pageUrl: { type: String, default: null }, userAgent: { type: String, default: null } }, { _id: false })

/**
 * A Zapytaj Eksperta case. The tenant is (appId, officeId): every end-user query filters on
 * both. Read and archive state are the chief's view and live on the case itself, because this
 * product has exactly one chief per office; with several chiefs they would move to a
 * per-user collection.
 */
const caseSchema = new Schema(
  {
    appId: { type: String, required: true },
    officeId: { type: String, required: true },
    officeName: { type: String, required: true },
    number: { type: Number, required: true },
    subject: { type: String, required: true },
    status: { type: String, enum: ['open', 'answered', 'resolved'], required: true, default: 'open' },
    account: { type: accountSchema, required: true },
    createdBy: { type: refSchema, required: true },
    // From the identity token of the chief's latest write: where and in which language reply
    // notifications go (the service has no other way to reach the chief).
    chiefEmail: { type: String, default: null },
    chiefLocale: { type: String, enum: ['pl', 'en'], default: 'pl' },
    entryPoint: { type: String, enum: ['sidebar', 'avatar', 'messages'], required: true },
    // R9: asked while the package was inactive, so it can only be about using the system.
    aboutSystemUsage: { type: Boolean, required: true, default: false },
    packageActive: { type: Boolean, required: true },
    packageName: { type: String, default: null },
    context: { type: contextSchema, required: true },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    // Last activity the chief can see (creation, public messages); internal notes do not move it.
    lastActivityAt: { type: Date, required: true },
    lastActivityBy: { type: String, enum: ['chief', 'expert', 'system'], required: true },
    // Moje pytania rows show who wrote last and a one-line preview without reading messages.
    lastAuthorName: { type: String, default: null },
    lastPreview: { type: String, default: null },
    firstResponseAt: { type: Date, default: null },
    chiefUnread: { type: Boolean, required: true, default: false },
    archived: { type: Boolean, required: true, default: false },
    expertUnread: { type: Boolean, required: true, default: true },
    // Denormalised counters instead of counting messages on every list (no $lookup on FerretDB).
    messageCount: { type: Number, required: true, default: 0 },
    internalNoteCount: { type: Number, required: true, default: 0 },
    // The chief's "Czy odpowiedź eksperta pomogła?"; the latest answer counts.
    rating: { type: ratingSchema, default: null },
    // Statistics (stats/counters.ts): `live` once the case's changes are counted as they happen;
    // a back-fill batch id while migration 0004 counts it; absent on cases it has not reached yet.
    statsBatch: { type: String, default: null },
    // Set when the retention job removed the messages and files of this resolved case (docs/privacy.md).
    purgedAt: { type: Date, default: null },
    // The read model (repositories/case-lists): the segment of each list this case is in.
    listSeg: { type: String, default: null },
    unreadSeg: { type: String, default: null },
    statusSeg: { type: String, default: null },
    assigneeSeg: { type: String, default: null }
  },
  { timestamps: true, versionKey: false }
)

// Hot lists ("Moje pytania", unread filter and badge, expert queue views) are read one segment
// at a time by equality on these (docs/adr/0100-bounded-hot-queries.md).
caseSchema.index({ listSeg: 1 })
caseSchema.index({ unreadSeg: 1 })
caseSchema.index({ statusSeg: 1 })
caseSchema.index({ assigneeSeg: 1 })
// The chief's filtered list (status, subject words): within one office, newest activity first.
caseSchema.index({ appId: 1, officeId: 1, archived: 1, lastActivityAt: -1, _id: -1 })
// Case numbers run per office (docs/adr/0160-case-numbers-per-office.md); the old per-app index is retired.
caseSchema.index({ appId: 1, officeId: 1, number: 1 }, { unique: true })
// Queue filters outside the hot views (office, app, search) and the console's view counts read the plain collection.
caseSchema.index({ status: 1, lastActivityAt: 1, _id: 1 })
caseSchema.index({ assigneeId: 1, status: 1, lastActivityAt: 1, _id: 1 })
caseSchema.index({ officeId: 1, status: 1, lastActivityAt: 1, _id: 1 })

// Migration 0004 reads the cases of one back-fill batch by equality.
caseSchema.index({ statsBatch: 1 })

export type CaseDoc = InferSchemaType<typeof caseSchema>
/** A case as a lean read returns it. */
export type StoredCase = CaseDoc & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date }

export const caseModel = (connection: Connection) => connection.model('Case', caseSchema, 'cases')
