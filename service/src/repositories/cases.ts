import { Types } from 'mongoose'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import type { Identity } from '../domain/identity.js'
import { previewOf, subjectFrom } from '../domain/case-rules.js'
import type { CaseRatingBody, CaseSummary, CreateCaseFields } from '@ze/contract'
import type { StoredCase } from '../models/case.js'
import type { StoredMessage } from '../models/message.js'
import type { StoredAttachment } from './attachments.js'
import { createExpertHandles } from './expert-handles.js'
import { appendMessage, messageDoc } from './case-messages.js'
import { insertNumbered } from './case-numbers.js'
import { Position, afterPosition, cursorCodec, escapeRegex, positionOf } from './cursor.js'
import { chiefList, chiefUnreadList, touchOffice, type CaseListStore, type PageCache } from './case-lists/index.js'
import { toObjectId } from './map.js'
import type { ActivityRecorder, CaseChangeKind } from '../events/activity.js'
import { LIVE } from '../stats/counters.js'

const listCursor = cursorCodec(Position)
const MAX_MESSAGES = 1000

export type BulkAction = 'archive' | 'unarchive' | 'read'

// Each bulk action flips one flag; the "from" value makes the answer list only real changes.
const BULK: Record<BulkAction, { field: 'archived' | 'chiefUnread'; from: boolean; change: CaseChangeKind }> = {
  archive: { field: 'archived', from: false, change: 'archived' },
  unarchive: { field: 'archived', from: true, change: 'unarchived' },
  read: { field: 'chiefUnread', from: true, change: 'read' }
}

const ownedBy = (c: { appId: string; officeId: string }, { tenant }: Identity) => c.appId === tenant.appId && c.officeId === tenant.officeId

/** One page of stored cases; mapping/cases.ts turns it into the response. */
export interface CasePage {
  items: StoredCase[]
  nextCursor: string | null
  total?: number
}

/** A case and the message just written in it. */
export interface WrittenMessage {
  case: StoredCase
  message: StoredMessage
}

function pageOf(docs: StoredCase[], limit: number, total: number | undefined): CasePage {
  const page = docs.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page,
    nextCursor: docs.length > limit && last ? listCursor.encode(positionOf(last)) : null,
    ...(total === undefined ? {} : { total })
  }
}

/** The chief's side of cases ("Moje pytania"); permissions are checked by the routes' hooks. */
export function createCasesRepository(models: Models, activity: ActivityRecorder, lists: CaseListStore, cache: PageCache) {
  const expertHandles = createExpertHandles(models)
  /** By `_id` alone (one indexed equality on any backend), the tenant compared here. */
  async function findOwn(identity: Identity, rawId: string): Promise<StoredCase> {
    const id = toObjectId(rawId)
    const found = id ? await models.Case.findById(id).lean<StoredCase>() : null
    // Another office's case answers exactly like a missing one: existence does not leak.
    if (!found || !ownedBy(found, identity)) throw new AppError('CASE_NOT_FOUND')
    return found
  }

  return {
    findOwn,

    async list(
      identity: Identity,
      query: { view?: 'active' | 'archived'; unread?: boolean; status?: CaseSummary['status']; q?: string; cursor?: string; limit?: number }
    ): Promise<CasePage> {
      // Defaults are filled in by the schema; repeated here so direct callers get the same.
      const limit = query.limit ?? 20
      const position = query.cursor ? listCursor.decode(query.cursor) : undefined
      const archived = query.view === 'archived'
      const words = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)
      if (query.status || words.length) {
        // A search within one office's cases (status, subject words) is not a hot query: a plain
        // filter (equality keys first) sorted by activity, bounded by the office, not by the read model.
        const matching = {
          ...identity.tenant,
          archived,
          ...(query.unread === undefined ? {} : { chiefUnread: query.unread }),
          ...(query.status ? { status: query.status } : {}),
          ...(words.length ? { $and: words.map((w) => ({ subject: { $regex: escapeRegex(w), $options: 'i' } })) } : {})
        }
        const [docs, total] = await Promise.all([
          models.Case.find({ ...matching, ...afterPosition(position, 'desc') })
            .sort({ lastActivityAt: -1, _id: -1 })
            .limit(limit + 1)
            .lean<StoredCase[]>(),
          // "Zaznacz wszystkie N": counted for the first page only.
          position ? undefined : models.Case.countDocuments(matching)
        ])
        return pageOf(docs, limit, total)
      }
      // The hot list (ADR 0100): whole segments of one list, each read by one equality.
      const after = position ? { t: new Date(position.t).getTime(), i: position.i } : undefined
      const { appId, officeId } = identity.tenant
      const [field, list] =
        query.unread === undefined
          ? (['listSeg', chiefList(appId, officeId, archived)] as const)
          : (['unreadSeg', chiefUnreadList(appId, officeId, archived, query.unread)] as const)
      // Served from this process's cache while the office's list version stands (ADR 0101).
      return cache.read(identity.tenant, `${list}|${query.cursor ?? ''}|${limit}`, async () => {
        const [docs, total] = await Promise.all([lists.page<StoredCase>(field, [list], after, 'desc', limit + 1), position ? undefined : lists.size(list)])
        return pageOf(docs, limit, total)
      })
    },

    async create(identity: Identity, fields: CreateCaseFields, attachments: StoredAttachment[], userAgent: string | null): Promise<WrittenMessage> {
      const now = new Date()
      const caseId = new Types.ObjectId()
      const caseDoc = {
        _id: caseId,
        ...identity.tenant,
        officeName: identity.office.name,
        number: 0,
        subject: subjectFrom(fields.question, fields.subject),
        status: 'open' as const,
        account: identity.account,
        createdBy: { id: identity.userId, name: identity.name },
        chiefEmail: identity.email,
        chiefLocale: identity.locale,
        entryPoint: fields.entryPoint,
        aboutSystemUsage: !identity.package.active,
        packageActive: identity.package.active,
        packageName: identity.package.name,
        context: { pageUrl: fields.pageUrl ?? null, userAgent },
        assigneeId: null,
        lastActivityAt: now,
        lastActivityBy: 'chief' as const,
        lastAuthorName: identity.name,
        lastPreview: previewOf(fields.question),
        firstResponseAt: null,
        chiefUnread: false,
        archived: false,
        expertUnread: true,
        messageCount: 1,
        internalNoteCount: 0,
        statsBatch: LIVE,
        createdAt: now,
        updatedAt: now
      }
      const message = messageDoc(
        caseDoc,
        { author: { kind: 'chief', id: identity.userId, name: identity.name }, body: fields.question, internal: false, attachments },
        now
      )
      // No transactions: the message first (unreachable without its case), then the case.
      await models.Message.create(message)
      const placed = await lists.plan(null, caseDoc)
      try {
        caseDoc.number = await insertNumbered(models, identity.tenant, async (number) => {
          await models.Case.create({ ...caseDoc, ...placed.set, number })
        })
      } catch (err) {
        await placed.abort().catch(() => {})
        await models.Message.deleteOne({ _id: message._id }).catch(() => {})
        throw err
      }
      await placed.commit()
      await activity.record({
        type: 'case.created',
        case: caseDoc as StoredCase,
        message: message as StoredMessage,
        afterSuggestion: fields.afterSuggestion === true
      })
      return { case: caseDoc as StoredCase, message: message as StoredMessage }
    },

    /**
     * The case and its public messages, oldest first, with the public handles of the experts who
     * wrote them. Reading does not change read state (R7 is explicit).
     */
    async detail(identity: Identity, rawId: string): Promise<{ case: StoredCase; messages: StoredMessage[]; expertHandles: ReadonlyMap<string, string> }> {
      const found = await findOwn(identity, rawId)
      const messages = await models.Message.find({ caseId: found._id, ...identity.tenant, internal: false })
        .sort({ createdAt: 1, _id: 1 })
        .limit(MAX_MESSAGES)
        .lean<StoredMessage[]>()
      const experts = messages.filter((m) => m.author.kind === 'expert').map((m) => m.author.id)
      return { case: found, messages, expertHandles: await expertHandles.of(experts) }
    },

    async reply(identity: Identity, existing: StoredCase, body: string, attachments: StoredAttachment[]): Promise<WrittenMessage> {
      const { updated, stored } = await appendMessage(
        models,
        lists,
        existing,
        { author: { kind: 'chief', id: identity.userId, name: identity.name }, body, internal: false, attachments },
        { chiefEmail: identity.email, chiefLocale: identity.locale }
      )
      await activity.record({ type: 'message.created', case: updated, message: stored, before: existing })
      return { case: updated, message: stored }
    },

    /**
     * Bulk archive / unarchive / mark read, one case at a time by `_id` (an `$in` is never
     * served by FerretDB's indexes). Ids of other offices are ignored silently. The update
     * repeats the old state as its condition, so `changed` lists only cases that really were
     * in it (of two concurrent requests flipping the same case, one lists it).
     */
    async bulk(identity: Identity, action: BulkAction, rawIds: string[]): Promise<string[]> {
      const { field, from, change } = BULK[action]
      const ids = [...new Set(rawIds.map((id) => id.toLowerCase()))].map((id) => new Types.ObjectId(id))
      const changed: StoredCase[] = []
      for (const id of ids) {
        const found = await models.Case.findById(id).lean<StoredCase>()
        if (!found || !ownedBy(found, identity) || found[field] !== from) continue
        const placed = await lists.plan(found, { ...found, [field]: !from })
        const res = await models.Case.updateOne({ _id: id, [field]: from }, { $set: { [field]: !from, ...placed.set } })
        if (res.modifiedCount === 1) {
          await placed.commit()
          changed.push(found)
        } else {
          await placed.abort()
        }
      }
      if (changed.length === 0) return []
      const actor = { kind: 'chief' as const, id: identity.userId, name: identity.name }
      await activity.record(...changed.map((c) => ({ type: 'case.updated' as const, case: { ...c, [field]: !from }, changes: [change], actor })))
      return changed.map((c) => String(c._id))
    },

    /**
     * "Czy odpowiedź eksperta pomogła?": once an expert has answered publicly, the chief may
     * rate the case; rating again replaces the earlier answer. Neither status nor lists move.
     */
    async rate(identity: Identity, rawId: string, body: CaseRatingBody): Promise<StoredCase> {
      const found = await findOwn(identity, rawId)
      if (!found.firstResponseAt) throw new AppError('CONFLICT', 'A case can be rated once an expert has answered')
      const rating = { score: body.score, comment: body.comment?.trim() || null, ratedAt: new Date() }
      await models.Case.updateOne({ _id: found._id, ...identity.tenant }, { $set: { rating } })
      await touchOffice(models, identity.tenant)
      const previous = found.rating ? { score: found.rating.score, ratedAt: found.rating.ratedAt } : null
      await activity.record({ type: 'case.rated', case: { ...found, rating }, previous })
      return { ...found, rating }
    },

    /**
     * The launcher badge: unread, not archived cases of the chief's office, from the unread list's
     * segment counters (one small read whatever the office's size; exact once the writes touching
     * a segment have settled it — ADR 0100).
     */
    async unreadCount(identity: Identity): Promise<number> {
      const list = chiefUnreadList(identity.tenant.appId, identity.tenant.officeId, false, true)
      return cache.read(identity.tenant, `${list}|size`, () => lists.size(list))
    }
  }
}

export type CasesRepository = ReturnType<typeof createCasesRepository>
