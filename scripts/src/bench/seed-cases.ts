import { Types } from 'mongoose'
import type { Models } from '@ze/service/models'
import { offices as demoOffices, clients } from '@ze/testkit/personas'
import { buildLists, repairHeads } from '@ze/service/case-lists'

export interface SeedPlan {
  appId: string
  /** Cases to add. */
  count: number
  /** The office whose list the benchmarks read (the persona's office). */
  focusOffice: { id: string; name: string }
  /** Share of the cases that belong to the focus office; the rest spread over `otherOffices`. */
  focusShare: number
  otherOffices: number
  /** First case number (numbers are unique per app). */
  firstNumber: number
  /** An expert who holds some of the cases (the queue's "mine" view), and which share of them. */
  assignee?: { id: string; share: number }
  /** Share of the cases the chief has archived (tenths; default 0.1). */
  archivedShare?: number
  /** Every answered case unread by the chief (default: every other one). */
  answeredUnread?: boolean
  batchSize?: number
}

const STATUSES = ['open', 'answered', 'resolved'] as const
const ENTRY_POINTS = ['sidebar', 'avatar', 'messages'] as const

/**
 * Fast bulk seeding straight into the `cases` collection through the service's own model
 * (`insertMany` validates and casts every document against the real schema, so the data is
 * shaped exactly as the service writes it). Messages are not written: list and queue read
 * only the case documents and their denormalised counters.
 */
export async function seedCases(
  models: Models,
  plan: SeedPlan,
  onBatch?: (done: number) => void
): Promise<{ inserted: number; seconds: number; focusIds: string[] }> {
  const batchSize = plan.batchSize ?? 1000
  const archivedTenths = Math.round((plan.archivedShare ?? 0.1) * 10)
  const started = Date.now()
  // Activity times spread over the past year in numbering order (a minute apart), so a later
  // slice is newer than everything seeded before it and its list segments can be appended
  // (buildLists `above`) instead of rebuilding the read model of all cases.
  const base = Date.now() - 365 * 86_400_000
  let inserted = 0
  const lists = new Set<string>()
  // The focus office's cases, so detail and reply benchmarks can pick ones to read and answer.
  const focusIds: string[] = []
  const all = []
  for (let k = 0; k < plan.count; k++) {
    const i = plan.firstNumber + k
    const focus = (i * 7919) % 1000 < plan.focusShare * 1000
    const office = focus ? plan.focusOffice : { id: `bench-office-${i % plan.otherOffices}`, name: `Biuro ${i % plan.otherOffices}` }
    const status = STATUSES[i % 3]!
    const onClient = i % 4 === 0
    const account = onClient ? { type: 'client', ...clients.piekarnia } : { type: 'office', ...office }
    const at = new Date(base + i * 60_000)
    const _id = new Types.ObjectId()
    if (focus) focusIds.push(String(_id))
    all.push({
      _id,
      appId: plan.appId,
      officeId: office.id,
      officeName: office.name,
      number: i,
      subject: `Pytanie ${i}: jak zaksięgować fakturę korygującą?`,
      status,
      account,
      createdBy: { id: `chief-${office.id}`, name: 'Szef Biura' },
      entryPoint: ENTRY_POINTS[i % 3]!,
      aboutSystemUsage: false,
      packageActive: true,
      packageName: 'Biznes',
      context: { pageUrl: 'https://app.example/faktury', userAgent: 'bench' },
      assigneeId: plan.assignee && (i * 104729) % 1000 < plan.assignee.share * 1000 ? new Types.ObjectId(plan.assignee.id) : null,
      lastActivityAt: at,
      lastActivityBy: status === 'answered' ? 'expert' : 'chief',
      firstResponseAt: status === 'open' ? null : at,
      chiefUnread: status === 'answered' && (plan.answeredUnread || i % 2 === 0),
      archived: i % 10 < archivedTenths,
      expertUnread: status === 'open',
      messageCount: status === 'open' ? 1 : 2,
      internalNoteCount: 0
    })
  }
  // The read model (ADR 0100) computed in memory for the whole slice (per batch, a small list such
  // as an office's archive would be cut into segments of a few cases), written with the cases.
  const { segments, fields } = buildLists(all, { above: plan.firstNumber > 1 })
  for (let k = 0; k < segments.length; k += batchSize) await models.CaseSegment.insertMany(segments.slice(k, k + batchSize))
  for (const s of segments) lists.add(s.list)
  while (inserted < all.length) {
    const batch = all.slice(inserted, inserted + batchSize)
    await models.Case.insertMany(batch.map((c) => ({ ...c, ...fields.get(String(c._id)) })))
    inserted += batch.length
    onBatch?.(inserted)
  }
  // Segments appended above stored ones: each list's top, bottom and total, as the service keeps them.
  for (const list of lists) await repairHeads(models.CaseSegment.collection, list)
  // The service numbers new cases from this counter; keep it past the seeded numbers.
  const last = plan.firstNumber + plan.count - 1
  await models.Counter.updateOne({ _id: `case-number:${plan.appId}` }, { $max: { seq: last } }, { upsert: true })
  return { inserted, seconds: (Date.now() - started) / 1000, focusIds }
}

export { demoOffices }
