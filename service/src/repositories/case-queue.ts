import { Type } from 'typebox'
import { Types } from 'mongoose'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import type { AdminCasePatch, AdminQueueQuery, AdminReplyFields } from '@ze/contract'
import type { StoredCase } from '../models/case.js'
import type { StoredMessage } from '../models/message.js'
import type { Expert } from './experts.js'
import type { StoredAttachment } from './attachments.js'
import { appendMessage } from './case-messages.js'
import { Position, afterPosition, cursorCodec, escapeRegex, positionOf } from './cursor.js'
import { toObjectId } from './map.js'
import type { ActivityRecorder, CaseChangeKind, PresenceState } from '../events/activity.js'
import { assigneeList, statusList, type CaseListStore, type ListField } from './case-lists/index.js'

/**
 * The expert queue is read in two phases, each a plain indexed query:
 *   1. `waiting` — status open, oldest last activity first (the chief has waited longest);
 *   2. `rest` — answered and resolved, newest activity first.
 * The cursor names the phase and the position inside it. This keeps the sort FerretDB-
 * friendly (no computed sort keys) and needs no extra `waitingSince` field, because the
 * last activity of an open case is the chief's last message.
 */
type Phase = 'waiting' | 'rest'
const QueueCursor = Type.Object(
  { p: Type.Union([Type.Literal('waiting'), Type.Literal('rest')]), t: Position.properties.t, i: Position.properties.i },
  { additionalProperties: false }
)
const queueCursor = cursorCodec(QueueCursor)

/** The assigned experts of some cases by id, for their names (mapping/cases.ts `toAdminCase`). */
type Assignees = Map<string, { id: string; name: string }>

const PHASE = {
  waiting: { statuses: ['open'], direction: 'asc', sort: { lastActivityAt: 1, _id: 1 } },
  rest: { statuses: ['answered', 'resolved'], direction: 'desc', sort: { lastActivityAt: -1, _id: -1 } }
} as const

/** The experts' side of cases: every office, internal notes included. */
export function createCaseQueueRepository(models: Models, activity: ActivityRecorder, lists: CaseListStore) {
  /**
   * The hot views (unassigned, mine or anyone's, all open, waiting for the customer, everything)
   * read the segmented lists; filters by office, app or text read the collection directly.
   */
  function listsFor(
    query: AdminQueueQuery,
    assignee: string | null | undefined,
    phase: Phase
  ): { field: ListField; lists: string[]; keep: (c: StoredCase) => boolean } {
    if (assignee !== undefined) {
      return {
        field: 'assigneeSeg',
        lists: [assigneeList(assignee, phase === 'waiting' ? 'open' : 'rest')],
        keep: (c) => !query.status || c.status === query.status
      }
    }
    const statuses = query.status ? [query.status] : PHASE[phase].statuses
    return { field: 'statusSeg', lists: statuses.map(statusList), keep: () => true }
  }
  async function assigneesOf(docs: StoredCase[]): Promise<Assignees> {
    const ids = [
      ...new Set(
        docs
          .map((d) => d.assigneeId)
          .filter((id): id is Types.ObjectId => Boolean(id))
          .map(String)
      )
    ]
    if (ids.length === 0) return new Map()
    const experts = await models.Expert.find({ _id: { $in: ids } }, { name: 1 }).lean()
    return new Map(experts.map((e) => [String(e._id), { id: String(e._id), name: e.name }]))
  }

  async function findCase(rawId: string): Promise<StoredCase> {
    const id = toObjectId(rawId)
    const found = id ? await models.Case.findById(id).lean<StoredCase>() : null
    if (!found) throw new AppError('CASE_NOT_FOUND')
    return found
  }

  return {
    findCase,

    async queue(expert: Expert, query: AdminQueueQuery): Promise<{ items: StoredCase[]; assignees: Assignees; nextCursor: string | null }> {
      const base: Record<string, unknown> = {}
      if (query.assignee === 'me') base.assigneeId = new Types.ObjectId(expert.id)
      else if (query.assignee === 'none') base.assigneeId = null
      else if (query.assignee) base.assigneeId = new Types.ObjectId(query.assignee)
      if (query.officeId) base.officeId = query.officeId
      if (query.appId) base.appId = query.appId
      if (query.q) {
        const q = query.q.trim().replace(/^#/, '')
        base.$and = [/^\d{1,9}$/.test(q) ? { number: Number(q) } : { subject: { $regex: escapeRegex(query.q.trim()), $options: 'i' } }]
      }
      const phases: Phase[] = query.status === 'open' ? ['waiting'] : query.status ? ['rest'] : ['waiting', 'rest']
      const cursor = query.cursor ? queueCursor.decode(query.cursor) : undefined
      const start = cursor ? phases.indexOf(cursor.p) : 0
      if (start < 0)
        throw new AppError('VALIDATION_FAILED', 'The cursor does not belong to this filter', {
          errors: [{ path: '/cursor', message: 'is not a valid cursor' }]
        })

      const limit = query.limit ?? 25
      const hot = !query.officeId && !query.appId && !query.q
      const assignee = query.assignee === 'me' ? expert.id : query.assignee === 'none' ? null : query.assignee
      const taken: Array<{ doc: StoredCase; phase: Phase }> = []
      for (const phase of phases.slice(start)) {
        const spec = PHASE[phase]
        const from = cursor?.p === phase ? cursor : undefined
        let docs: StoredCase[]
        if (hot) {
          const { field, lists: names, keep } = listsFor(query, assignee, phase)
          const after = from ? { t: new Date(from.t).getTime(), i: from.i } : undefined
          docs = await lists.page<StoredCase>(field, names, after, spec.direction, limit + 1 - taken.length, keep)
        } else {
          const statuses = query.status ? [query.status] : spec.statuses
          const filter = { ...base, status: { $in: statuses }, ...afterPosition(from, spec.direction) }
          docs = await models.Case.find(filter)
            .sort(spec.sort)
            .limit(limit + 1 - taken.length)
            .lean<StoredCase[]>()
        }
        taken.push(...docs.map((doc) => ({ doc, phase })))
        if (taken.length > limit) break
      }
      const page = taken.slice(0, limit)
      const last = page.at(-1)
      const items = page.map((t) => t.doc)
      return {
        items,
        assignees: await assigneesOf(items),
        nextCursor: taken.length > limit && last ? queueCursor.encode({ p: last.phase, ...positionOf(last.doc) }) : null
      }
    },

    async detail(rawId: string): Promise<{ case: StoredCase; assignees: Assignees; messages: StoredMessage[] }> {
      const found = await findCase(rawId)
      const messages = await models.Message.find({ caseId: found._id }).sort({ createdAt: 1, _id: 1 }).limit(1000).lean<StoredMessage[]>()
      return { case: found, assignees: await assigneesOf([found]), messages }
    },

    async reply(
      expert: Expert,
      existing: StoredCase,
      fields: AdminReplyFields,
      attachments: StoredAttachment[]
    ): Promise<{ case: StoredCase; assignees: Assignees; message: StoredMessage }> {
      const { updated, stored } = await appendMessage(models, lists, existing, {
        author: { kind: 'expert', id: expert.id, name: expert.name },
        body: fields.body,
        internal: fields.internal ?? false,
        attachments
      })
      await activity.record({ type: 'message.created', case: updated, message: stored, before: existing })
      return { case: updated, assignees: await assigneesOf([updated]), message: stored }
    },

    /** Status and assignment; neither is a message, so the chief's unread state and activity stay as they are. */
    async patch(expert: Expert, rawId: string, patch: AdminCasePatch): Promise<{ case: StoredCase; assignees: Assignees }> {
      const existing = await findCase(rawId)
      const set: Record<string, unknown> = { expertUnread: false }
      if (patch.status) set.status = patch.status
      if (patch.assignee !== undefined) {
        if (patch.assignee !== null) {
          const assignee = await models.Expert.exists({ _id: new Types.ObjectId(patch.assignee), revokedAt: null })
          if (!assignee) throw new AppError('EXPERT_NOT_FOUND', 'No active expert has this id')
        }
        set.assigneeId = patch.assignee === null ? null : new Types.ObjectId(patch.assignee)
      }
      const placed = await lists.plan(existing, { ...existing, ...set } as StoredCase)
      const updated = await models.Case.findOneAndUpdate({ _id: existing._id }, { $set: { ...set, ...placed.set } }, { new: true }).lean<StoredCase>()
      if (!updated) {
        await placed.abort()
        throw new AppError('CASE_NOT_FOUND')
      }
      await placed.commit()
      const changes: CaseChangeKind[] = []
      if (updated.status !== existing.status) changes.push('status')
      if (String(updated.assigneeId) !== String(existing.assigneeId)) changes.push('assignee')
      if (changes.length > 0)
        await activity.record({ type: 'case.updated', case: updated, before: existing, changes, actor: { kind: 'expert', id: expert.id, name: expert.name } })
      return { case: updated, assignees: await assigneesOf([updated]) }
    },

    /** An expert looks at or types in a case; other experts see it live until it expires. */
    async presence(expert: Expert, rawId: string, state: PresenceState, ttlSeconds: number): Promise<{ expiresAt: Date }> {
      const found = await findCase(rawId)
      const expiresAt = new Date(Date.now() + (state === 'left' ? 0 : ttlSeconds * 1000))
      await activity.record({ type: 'presence', case: found, expert: { id: expert.id, name: expert.name }, state, expiresAt })
      return { expiresAt }
    }
  }
}

export type CaseQueueRepository = ReturnType<typeof createCaseQueueRepository>
