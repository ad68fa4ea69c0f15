import { Types } from 'mongoose'
import { LIST_FIELDS, comparePositions, listFields, positionOf, type ListField, type ListedCase, type Position } from './lists.js'

/**
 * Segments are split when they pass SEGMENT_MAX cases; a bulk build fills them to SEGMENT_FILL.
 * Small, because reading a segment (a page) and counting one (every write to a chief's list)
 * cost FerretDB ~0.7 ms of CPU per case in it; a full split leaves halves of 32 (> a page of 21).
 */
export const SEGMENT_MAX = 64
export const SEGMENT_FILL = 40

export interface SegmentDoc {
  _id: string
  list: string
  loT: number | null
  loI: string | null
  n: number
  /** `list` on the list's highest segment (where new activity lands), null elsewhere. */
  top?: string | null
  /** `list` on the list's lowest segment (the bottom, `lo` null), null elsewhere. */
  bottom?: string | null
  /** On the top segment of a chief's list: the list's size (the page total, the unread badge). */
  total?: number | null
  /** The next lower segment (null on the bottom), so a page can walk down from the top. */
  prev?: string | null
}

/** The chief's lists (ADR 0100 `listSeg`, `unreadSeg`) show their size; the queue's lists do not. */
export const countsTotal = (list: string): boolean => list.startsWith('c|') || list.startsWith('u|')

type Heads = Pick<SegmentDoc, 'top' | 'bottom' | 'total' | 'prev'>

/**
 * What the head fields of a list's segments (sorted by `byLo`) should be, in the same order: the
 * top, the bottom, and the total the top carries. Applied by `settle` (the store) and after bulk loads.
 */
export function headsOf(segments: SegmentDoc[]): Heads[] {
  const last = segments.length - 1
  const total = countsTotal(segments[0]?.list ?? '') ? segments.reduce((sum, s) => sum + Math.max(0, s.n), 0) : null
  return segments.map((s, k) => ({
    top: k === last ? s.list : null,
    bottom: k === 0 && loOf(s) === null ? s.list : null,
    total: k === last ? total : null,
    prev: k > 0 ? segments[k - 1]!._id : null
  }))
}

/** The head fields that differ from what `headsOf` says: the updates that repair a list. */
export function headRepairs(segments: SegmentDoc[]): Array<{ id: string; set: Heads }> {
  const want = headsOf(segments)
  // `??` on purpose: FerretDB stores an upserted null as a missing field.
  return segments
    .map((s, k) => ({ s, set: want[k]! }))
    .filter(
      ({ s, set }) => (s.top ?? null) !== set.top || (s.bottom ?? null) !== set.bottom || (s.total ?? null) !== set.total || (s.prev ?? null) !== set.prev
    )
    .map(({ s, set }) => ({ id: s._id, set }))
}

export const newSegmentId = (list: string): string => `${list}#${new Types.ObjectId().toHexString()}`

// `==` on purpose: FerretDB stores an upserted null as a missing field.
export const loOf = (s: SegmentDoc): Position | null => (s.loT == null ? null : { t: s.loT, i: s.loI! })
export const byLo = (a: SegmentDoc, b: SegmentDoc): number => {
  const [x, y] = [loOf(a), loOf(b)]
  return x === null ? (y === null ? 0 : -1) : y === null ? 1 : comparePositions(x, y)
}

/** The segment (of one list's, sorted by `byLo`) whose range holds `position`: the highest lower bound at or below it. */
export function locate(segments: SegmentDoc[], position: Position): SegmentDoc | undefined {
  let found: SegmentDoc | undefined
  for (const s of segments) {
    const lo = loOf(s)
    if (lo !== null && comparePositions(lo, position) > 0) break
    found = s
  }
  return found
}

/**
 * The whole read model for a set of cases, computed in memory: for bulk loads (benchmark
 * seeding, `above` when appending cases newer than all listed ones) and for rebuilding a
 * database whose cases predate it. Returns the segment
 * documents and, per case id, the value of each list field.
 */
export function buildLists(
  cases: ListedCase[],
  { above = false }: { above?: boolean } = {}
): { segments: SegmentDoc[]; fields: Map<string, Record<ListField, string>> } {
  const segments: SegmentDoc[] = []
  const fields = new Map<string, Record<ListField, string>>()
  for (const field of listFields) {
    const byList = new Map<string, ListedCase[]>()
    for (const c of cases) {
      const list = LIST_FIELDS[field](c)
      const members = byList.get(list)
      if (members) members.push(c)
      else byList.set(list, [c])
    }
    for (const [list, members] of byList) {
      members.sort((a, b) => comparePositions(positionOf(a), positionOf(b)))
      const first = segments.length
      for (let start = 0; start < members.length; start += SEGMENT_FILL) {
        const chunk = members.slice(start, start + SEGMENT_FILL)
        // `above`: these cases all come after every case already listed, so even the lowest new
        // segment starts at its first case instead of at the bottom of the list.
        const lo = start === 0 && !above ? null : positionOf(chunk[0]!)
        const id = newSegmentId(list)
        segments.push({ _id: id, list, loT: lo?.t ?? null, loI: lo?.i ?? null, n: chunk.length })
        for (const c of chunk) {
          const key = String(c._id)
          const entry = fields.get(key) ?? ({} as Record<ListField, string>)
          entry[field] = id
          fields.set(key, entry)
        }
      }
      // A whole list gets its heads now; cases appended `above` a stored list leave them to
      // `headRepairs` over the whole list once loaded.
      if (!above) {
        const built = segments.slice(first)
        headsOf(built).forEach((set, k) => Object.assign(built[k]!, set))
      }
    }
  }
  return { segments, fields }
}
