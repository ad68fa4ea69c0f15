import { Types } from 'mongoose'
import { Type } from 'typebox'
import type { AuditActor, AuditEntry, AuditPage, AuditQuery, AuditTargetType } from '@ze/contract'
import type { Models } from '../models/index.js'
import { AppError } from '../errors.js'
import { cursorCodec } from '../repositories/cursor.js'

export type AuditDetail = Record<string, string | number | boolean | null>

/** What a write path or route knows about one auditable act; who and from where are filled in when missing. */
export interface AuditInput {
  action: string
  target: { type: AuditTargetType; id: string }
  actor?: AuditActor
  caseId?: string | null
  appId?: string | null
  officeId?: string | null
  detail?: AuditDetail
  origin?: { ip: string | null; userAgent: string | null }
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: 'service', name: 'service', appId: null, officeId: null }

const DAY_MS = 86_400_000
/** Day buckets one request reads at most, so an empty range costs a bounded number of queries. */
export const DAYS_PER_PAGE = 31
const USER_AGENT_MAX = 300

export const dayOf = (at: Date): string => at.toISOString().slice(0, 10)
const addDays = (day: string, n: number): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS))

const AuditCursor = Type.Object(
  { d: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), i: Type.Union([Type.String({ pattern: '^[0-9a-f]{24}$' }), Type.Null()]) },
  { additionalProperties: false }
)
const auditCursor = cursorCodec(AuditCursor)

interface StoredAudit {
  _id: Types.ObjectId
  at: Date
  actorKind: AuditActor['kind']
  actorId: string
  actorName: string
  actorAppId: string | null
  actorOfficeId: string | null
  action: string
  targetType: AuditTargetType
  targetId: string
  caseId: string | null
  appId: string | null
  officeId: string | null
  ip: string | null
  userAgent: string | null
  detail: AuditDetail
}

const toEntry = (d: StoredAudit): AuditEntry => ({
  id: String(d._id),
  at: d.at.toISOString(),
  actor: { kind: d.actorKind, id: d.actorId, name: d.actorName, appId: d.actorAppId, officeId: d.actorOfficeId },
  action: d.action,
  target: { type: d.targetType, id: d.targetId },
  caseId: d.caseId,
  appId: d.appId,
  officeId: d.officeId,
  ip: d.ip,
  userAgent: d.userAgent,
  detail: d.detail ?? {}
})

function toDoc(input: AuditInput, at: Date) {
  const actor = input.actor ?? SYSTEM_ACTOR
  return {
    _id: new Types.ObjectId(),
    at,
    day: dayOf(at),
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    actorAppId: actor.appId,
    actorOfficeId: actor.officeId,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id,
    caseId: input.caseId ?? null,
    appId: input.appId ?? actor.appId ?? null,
    officeId: input.officeId ?? actor.officeId ?? null,
    ip: input.origin?.ip ?? null,
    userAgent: input.origin?.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
    detail: input.detail ?? {}
  }
}

/** The audit log: append, read by day buckets, expire whole days, pseudonymise an erased person. */
export function createAuditLog(models: Models) {
  return {
    async append(inputs: readonly AuditInput[], at = new Date()): Promise<void> {
      if (inputs.length === 0) return
      await models.Audit.insertMany(inputs.map((i) => toDoc(i, at)))
    },

    /**
     * Newest first. Filters are equalities on top-level fields (pushed down by FerretDB); with
     * `caseId` one query reads that case's records, otherwise each day bucket of the range is
     * read by equality on `day`, at most DAYS_PER_PAGE of them per request.
     */
    async list(query: AuditQuery, now = new Date()): Promise<AuditPage> {
      const limit = query.limit ?? 50
      const to = query.to ?? dayOf(now)
      const from = query.from ?? addDays(to, -30)
      if (from > to)
        throw new AppError('VALIDATION_FAILED', '`from` is after `to`', { errors: [{ path: '/querystring/from', message: 'must not be after to' }] })
      const filter: Record<string, unknown> = {}
      if (query.actorKind) filter.actorKind = query.actorKind
      if (query.actorId) filter.actorId = query.actorId
      if (query.action) filter.action = query.action
      if (query.targetType) filter.targetType = query.targetType
      if (query.targetId) filter.targetId = query.targetId
      if (query.officeId) filter.officeId = query.officeId
      const position = query.cursor ? auditCursor.decode(query.cursor) : { d: to, i: null }
      if (position.d > to || position.d < from)
        throw new AppError('VALIDATION_FAILED', 'The cursor does not belong to this range', {
          errors: [{ path: '/querystring/cursor', message: 'outside the range' }]
        })
      const before = position.i ? { _id: { $lt: new Types.ObjectId(position.i) } } : {}

      if (query.caseId) {
        // One case's records: bounded by the case, so one query sorted by id.
        const range = { at: { $gte: new Date(`${from}T00:00:00Z`), $lt: new Date(`${addDays(to, 1)}T00:00:00Z`) } }
        const docs = await models.Audit.find({ caseId: query.caseId.toLowerCase(), ...filter, ...range, ...before })
          .sort({ _id: -1 })
          .limit(limit + 1)
          .lean<StoredAudit[]>()
        const page = docs.slice(0, limit)
        const next = docs.length > limit ? auditCursor.encode({ d: position.d, i: String(page.at(-1)!._id) }) : null
        return { items: page.map(toEntry), nextCursor: next }
      }

      const items: StoredAudit[] = []
      let day = position.d
      let after = before
      for (let read = 0; read < DAYS_PER_PAGE && day >= from; read++) {
        const want = limit - items.length
        const docs = await models.Audit.find({ day, ...filter, ...after })
          .sort({ _id: -1 })
          .limit(want + 1)
          .lean<StoredAudit[]>()
        items.push(...docs.slice(0, want))
        if (docs.length > want) return { items: items.map(toEntry), nextCursor: auditCursor.encode({ d: day, i: String(items.at(-1)!._id) }) }
        day = addDays(day, -1)
        after = {}
        if (items.length === limit) break
      }
      return { items: items.map(toEntry), nextCursor: day >= from ? auditCursor.encode({ d: day, i: null }) : null }
    },

    /**
     * Deletes whole days before `cutoffDay`, each by equality on `day`, continuing from where
     * the previous run stopped (kept in `job_state`), at most `maxDays` per call.
     */
    async expireBefore(cutoffDay: string, maxDays = 400): Promise<{ days: number; deleted: number }> {
      const state = await models.JobState.findById('audit-retention').lean()
      // The first run starts `maxDays` back: finding the oldest record would sort the whole collection.
      let day = typeof state?.value === 'string' ? addDays(state.value, 1) : addDays(cutoffDay, -maxDays)
      let deleted = 0
      let days = 0
      while (day < cutoffDay && days < maxDays) {
        deleted += (await models.Audit.deleteMany({ day })).deletedCount
        await models.JobState.updateOne({ _id: 'audit-retention' }, { $set: { value: day, at: new Date() } }, { upsert: true })
        day = addDays(day, 1)
        days++
      }
      return { days, deleted }
    },

    /** After an erasure: the person's records stay, under the pseudonym, without their name. */
    async pseudonymiseActor(actor: { id: string; appId: string }, pseudonym: { id: string; name: string }): Promise<number> {
      const res = await models.Audit.updateMany({ actorId: actor.id, actorAppId: actor.appId }, { $set: { actorId: pseudonym.id, actorName: pseudonym.name } })
      return res.modifiedCount
    }
  }
}

export type AuditLog = ReturnType<typeof createAuditLog>
