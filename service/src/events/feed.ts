import type { Models } from '../models/index.js'
import type { CaseActivity, CaseChangeKind, PresenceState } from './activity.js'
import { bucketOf } from './model.js'

type CaseStatus = 'open' | 'answered' | 'resolved'

export interface EventDataByType {
  'case.created': { number: number; subject: string; status: CaseStatus; assigneeId: string | null }
  'message.created': { messageId: string; internal: boolean; author: { kind: 'chief' | 'expert' | 'system'; id: string; name: string }; status: CaseStatus }
  'case.updated': { number: number; status: CaseStatus; assigneeId: string | null; changes: CaseChangeKind[]; by: 'chief' | 'expert' }
  presence: { expert: { id: string; name: string }; state: PresenceState; expiresAt: string }
}
export type EventType = keyof EventDataByType

interface EventBase<T extends EventType> {
  type: T
  appId: string
  officeId: string
  caseId: string
  data: EventDataByType[T]
}
export type NewEvent = { [T in EventType]: EventBase<T> }[EventType]
export type FeedEvent = NewEvent & { seq: number; at: Date }

const SEQ_KEY = 'events:seq'
const MAX_ATTEMPTS = 20
const isDuplicateKey = (err: unknown): boolean => (err as { code?: number }).code === 11000

/** What the feed stores of an activity: ids and public fields, never a message body. */
export function toEvent(activity: CaseActivity): NewEvent {
  const c = activity.case
  const base = { appId: c.appId, officeId: c.officeId, caseId: String(c._id) }
  const assigneeId = c.assigneeId ? String(c.assigneeId) : null
  switch (activity.type) {
    case 'case.created':
      return { ...base, type: 'case.created', data: { number: c.number, subject: c.subject, status: c.status, assigneeId } }
    case 'message.created': {
      const m = activity.message
      return {
        ...base,
        type: 'message.created',
        data: { messageId: String(m._id), internal: m.internal, author: { kind: m.author.kind, id: m.author.id, name: m.author.name }, status: c.status }
      }
    }
    case 'case.updated':
      return { ...base, type: 'case.updated', data: { number: c.number, status: c.status, assigneeId, changes: activity.changes, by: activity.actor.kind } }
    case 'presence':
      return { ...base, type: 'presence', data: { expert: activity.expert, state: activity.state, expiresAt: activity.expiresAt.toISOString() } }
  }
}

interface StoredEventDoc {
  _id: number
  b: number
  at: Date
  type: EventType
  appId: string
  officeId: string
  caseId: string
  data: unknown
}
const fromDoc = (d: StoredEventDoc): FeedEvent =>
  ({ seq: d._id, at: d.at, type: d.type, appId: d.appId, officeId: d.officeId, caseId: d.caseId, data: d.data }) as FeedEvent

/**
 * The event feed in the database, shared by every instance. Sequence numbers come from one
 * counter document (`$inc`, atomic on MongoDB). FerretDB 1.24 runs that as read-then-write,
 * so two writers can get the same number: the event's `_id` is the number, the second
 * insert fails as a duplicate, the counter is lifted past it and that event takes a new
 * number. Readers handle the short window where a number is taken but not yet stored.
 */
export function createEventFeed(models: Models) {
  async function allocate(count: number): Promise<number> {
    const counter = await models.Counter.findOneAndUpdate({ _id: SEQ_KEY }, { $inc: { seq: count } }, { upsert: true, new: true }).lean()
    return counter!.seq - count + 1
  }

  return {
    /** Appends events in order and returns them with their sequence numbers. */
    async append(events: readonly NewEvent[]): Promise<FeedEvent[]> {
      const stored: FeedEvent[] = []
      let pending = [...events]
      for (let attempt = 0; pending.length > 0; attempt++) {
        let first: number
        try {
          first = await allocate(pending.length)
        } catch (err) {
          // Two first-ever upserts can race on the counter's _id; the loser retries.
          if (isDuplicateKey(err) && attempt < MAX_ATTEMPTS) continue
          throw err
        }
        const at = new Date()
        const docs = pending.map((e, i) => ({ _id: first + i, b: bucketOf(first + i), at, ...e }))
        const failed = new Set<number>()
        try {
          await models.Event.collection.insertMany(docs as never[], { ordered: false })
        } catch (err) {
          const writeErrors = (err as { writeErrors?: Array<{ index: number; code?: number; err?: { code?: number } }> }).writeErrors
          if (!writeErrors || attempt >= MAX_ATTEMPTS) throw err
          for (const we of [writeErrors].flat()) {
            if ((we.code ?? we.err?.code) !== 11000) throw err
            failed.add(we.index)
          }
          await models.Counter.updateOne({ _id: SEQ_KEY }, { $max: { seq: first + pending.length - 1 } })
        }
        docs.forEach((d, i) => {
          if (!failed.has(i)) stored.push(fromDoc(d as StoredEventDoc))
        })
        pending = pending.filter((_, i) => failed.has(i))
      }
      return stored.sort((a, b) => a.seq - b.seq)
    },

    /** The highest sequence number handed out so far (0 before the first event). */
    async head(): Promise<number> {
      const counter = await models.Counter.findById(SEQ_KEY).lean()
      return counter?.seq ?? 0
    },

    /** Events with from ≤ seq ≤ to, oldest first: one equality query per bucket. */
    async range(from: number, to: number): Promise<FeedEvent[]> {
      const found: FeedEvent[] = []
      for (let b = bucketOf(from); b <= bucketOf(to); b++) {
        const docs = await models.Event.find({ b }).lean<StoredEventDoc[]>()
        for (const d of docs) if (d._id >= from && d._id <= to) found.push(fromDoc(d))
      }
      return found.sort((a, b) => a.seq - b.seq)
    },

    /** Deletes events older than the cutoff (TTL indexes are not available on FerretDB 1.24). */
    async expire(before: Date): Promise<number> {
      const res = await models.Event.deleteMany({ at: { $lt: before } })
      return res.deletedCount
    }
  }
}

export type EventFeed = ReturnType<typeof createEventFeed>
