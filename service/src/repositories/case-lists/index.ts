import type { Models } from '../../models/index.js'
import { buildLists } from './build.js'
import type { ListedCase } from './lists.js'

export { createCaseListStore, type CaseListStore, type ListPlan } from './store.js'
export { buildLists, SEGMENT_FILL, SEGMENT_MAX } from './build.js'
export * from './lists.js'

/** Bumped when the lists change shape; a database built for another version is rebuilt at start. */
const MARKER = 'read-model:case-lists'
const VERSION = 1

export async function markCaseListsBuilt(models: Models): Promise<void> {
  await models.Counter.updateOne({ _id: MARKER }, { $set: { seq: VERSION } }, { upsert: true })
}

/**
 * Builds the read model for cases written before it existed (or by another version). One pass
 * over the collection at start; the write paths keep it current afterwards.
 */
export async function ensureCaseLists(models: Models): Promise<void> {
  const marker = await models.Counter.findById(MARKER).lean()
  if (marker?.seq === VERSION) return
  // Only a database written entirely before the lists existed is rebuilt: once any case carries
  // a list field, the write paths own the lists (and a rebuild would race them).
  const sample = await models.Case.findOne({}, { listSeg: 1 }).lean<{ listSeg?: string | null }>()
  if (!sample || sample.listSeg) return markCaseListsBuilt(models)
  const cases = await models.Case.find({}, { appId: 1, officeId: 1, archived: 1, chiefUnread: 1, status: 1, assigneeId: 1, lastActivityAt: 1 }).lean<ListedCase[]>()
  if (cases.length > 0) {
    const { segments, fields } = buildLists(cases)
    await models.CaseSegment.deleteMany({})
    for (let k = 0; k < segments.length; k += 1000) await models.CaseSegment.insertMany(segments.slice(k, k + 1000))
    const updates = [...fields].map(([id, set]) => ({ updateOne: { filter: { _id: id }, update: { $set: set } } }))
    for (let k = 0; k < updates.length; k += 1000) await models.Case.bulkWrite(updates.slice(k, k + 1000), { ordered: false })
  }
  await markCaseListsBuilt(models)
}
