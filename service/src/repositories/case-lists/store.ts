import type { Models } from '../../models/index.js'
import { SEGMENT_MAX, byLo, countsTotal, locate, loOf, newSegmentId, type SegmentDoc } from './build.js'
import { repairHeads } from './heads.js'
import { touchOffice } from './page-cache.js'
import { LIST_FIELDS, comparePositions, listFields, listOfSegment, positionOf, type ListField, type ListedCase, type Position } from './lists.js'

type Stored = ListedCase & Partial<Record<ListField, string | null>>

export interface ListPlan {
  /** List fields to write with the case in the same update. */
  set: Partial<Record<ListField, string>>
  /** After the case write: leave the old segments, split full ones, and move the office's list version (cached pages). */
  commit(): Promise<void>
  /** The case write did not happen: give the new segments' counts back (and move the version, as the counts moved). */
  abort(): Promise<void>
}

/** Segments a page reads by following `prev` before it reads the list's directory instead. */
const WALK_HOPS = 4

/**
 * The segmented lists of docs/adr/0100-bounded-hot-queries.md and 0102-case-list-heads.md. Every
 * read and write touches segment documents (one small document per 32–64 cases) and whole
 * segments found by one equality on one case field — never a query whose result grows with the
 * collection.
 */
export function createCaseListStore(models: Models, segmentMax = SEGMENT_MAX) {
  const { Case, CaseSegment } = models

  const segmentsOf = async (list: string): Promise<SegmentDoc[]> => (await CaseSegment.find({ list }).lean<SegmentDoc[]>()).sort(byLo)

  /**
   * The list's top (highest) or bottom segment, by one equality whatever the list's length. A
   * split that has not finished may leave two segments marked top: the higher one is the top.
   */
  async function headOf(list: string, end: 'top' | 'bottom'): Promise<SegmentDoc | undefined> {
    const marked = (await CaseSegment.find({ [end]: list }).lean<SegmentDoc[]>()).sort(byLo)
    return end === 'top' ? marked.at(-1) : marked[0]
  }

  const release = (segment: string) => CaseSegment.updateOne({ _id: segment }, { $inc: { n: -1 } })

  /** The segment whose range holds `position`: the top for anything at or above its lower bound (new activity), else from the directory. */
  async function locateIn(list: string, position: Position): Promise<SegmentDoc | undefined> {
    const top = await headOf(list, 'top')
    if (top) {
      const lo = loOf(top)
      if (lo === null || comparePositions(lo, position) <= 0) return top
    }
    return locate(await segmentsOf(list), position)
  }

  async function enter(list: string, position: Position, current: string | null): Promise<string> {
    const target = await locateIn(list, position)
    if (target && target._id === current) return current
    if (target) {
      await CaseSegment.updateOne({ _id: target._id }, { $inc: { n: 1 } })
      return target._id
    }
    // The first case of a list: its bottom segment (and top), the same id for every writer.
    const root = `${list}#root`
    const upsert = () =>
      CaseSegment.updateOne({ _id: root }, { $setOnInsert: { list, loT: null, loI: null, top: list, bottom: list }, $inc: { n: 1 } }, { upsert: true })
    await upsert().catch(upsert)
    return root
  }

  /**
   * After a write: the segment's counter is set from a count of its cases (FerretDB 1.x loses
   * concurrent $inc on one document, so counters are corrected here rather than trusted), and a
   * segment past `segmentMax` is split at its median. The lock flag keeps most concurrent
   * splits apart; it is not atomic on FerretDB either, so readers sort what they gather.
   * Answers whether the stored count changed (corrected or split), i.e. the list's total may have.
   */
  async function settle(field: ListField, segment: string): Promise<boolean> {
    // Only the chief's lists need exact counters (their size is shown); a queue list's counter,
    // kept by $inc, only says when to count for a split — counting reads the whole segment.
    if (!countsTotal(listOfSegment(segment))) {
      const stored = await CaseSegment.findById(segment, { n: 1 }).lean<Pick<SegmentDoc, 'n'>>()
      if (!stored || stored.n <= segmentMax) return false
    }
    const actual = await Case.countDocuments({ [field]: segment })
    if (actual <= segmentMax) {
      const corrected = await CaseSegment.updateOne({ _id: segment, n: { $ne: actual } }, { $set: { n: actual } })
      return corrected.modifiedCount > 0
    }
    const claimed = await CaseSegment.findOneAndUpdate({ _id: segment, lock: 0 }, { $set: { lock: 1 } }).lean<SegmentDoc>()
    if (!claimed) return false
    try {
      const docs = (await Case.find({ [field]: segment }, { _id: 1, lastActivityAt: 1 }).lean<Array<Pick<ListedCase, '_id' | 'lastActivityAt'>>>())
        .map((d) => ({ id: d._id, position: positionOf(d) }))
        .sort((a, b) => comparePositions(a.position, b.position))
      const upper = docs.slice(Math.floor(docs.length / 2))
      const lo = upper[0]!.position
      const id = newSegmentId(listOfSegment(segment))
      // The upper half of the top is the new top: marked before its cases move, so a reader that
      // picks the highest marked segment never skips them (an empty top sends it to the directory).
      const top = claimed.top ?? null
      await CaseSegment.create({
        _id: id,
        list: listOfSegment(segment),
        loT: lo.t,
        loI: lo.i,
        n: upper.length,
        lock: 0,
        top,
        bottom: null,
        total: claimed.total ?? null,
        prev: segment
      })
      // Pages walk down by `prev`: the new segment is linked in (the one above points to it) while
      // it is still empty, so a reader following the links never skips a case. A chief's list is
      // repaired whole (its total too); a queue list relinks only its neighbour above.
      if (countsTotal(listOfSegment(segment))) await repairHeads(CaseSegment.collection, listOfSegment(segment))
      else {
        await CaseSegment.updateMany({ prev: segment, _id: { $ne: id } }, { $set: { prev: id } })
        // The neighbour's relink can be lost when it is rewritten by its own split at the same moment
        // (FerretDB rewrites whole documents): the whole chain is repaired from the directory, off
        // the request's path (a queue list's directory grows with all offices' cases).
        void repairHeads(CaseSegment.collection, listOfSegment(segment)).catch(() => {})
      }
      await Case.updateMany({ [field]: segment, _id: { $in: upper.map((u) => u.id) } }, { $set: { [field]: id } })
      await CaseSegment.updateOne({ _id: segment }, { $set: { n: docs.length - upper.length, ...(top ? { top: null, total: null } : {}) } })
      return true
    } finally {
      await CaseSegment.updateOne({ _id: segment }, { $set: { lock: 0 } })
    }
  }

  return {
    /** Which segments `after` belongs to, entered now; `before` is the stored case (null when new). */
    async plan(before: Stored | null, after: ListedCase): Promise<ListPlan> {
      const position = positionOf(after)
      const moves = await Promise.all(
        listFields.map(async (field) => {
          const current = before?.[field] ?? null
          const list = LIST_FIELDS[field](after)
          const target = await enter(list, position, current && listOfSegment(current) === list ? current : null)
          return { field, current, target }
        })
      )
      const changed = moves.filter((m) => m.target !== m.current)
      return {
        set: Object.fromEntries(changed.map((m) => [m.field, m.target])),
        async commit() {
          await Promise.all(changed.filter((m) => m.current).map((m) => release(m.current!)))
          // The chief's lists: their top carries the list's size from the settled counters. It is
          // recomputed from the directory (which grows with the office's cases) only for a list the
          // case entered or left, or whose counters the settling corrected (or split); a case moving
          // within a list (a reply, most often) leaves its size as it was.
          const resized = new Set<string>()
          // One after another: FerretDB rewrites whole documents, so two splits relabelling the same
          // cases (in different fields) at once could lose one another's change.
          for (const m of changed) {
            const from = m.current ? listOfSegment(m.current) : null
            const to = listOfSegment(m.target)
            if (from !== to) for (const list of [from, to]) if (list) resized.add(list)
            if (m.current && (await settle(m.field, m.current))) resized.add(from!)
            if (await settle(m.field, m.target)) resized.add(to)
          }
          for (const list of [...resized].filter(countsTotal)) await repairHeads(CaseSegment.collection, list)
          // Last: a cached page or count loaded before this point is never served again.
          await touchOffice(models, after)
        },
        async abort() {
          await Promise.all(changed.map((m) => release(m.target)))
          await touchOffice(models, after)
        }
      }
    },

    /**
     * Up to `count` cases of the lists (one field; several lists are merged) after `after` in
     * `direction`, read segment by segment until enough are found. `keep` filters in code.
     */
    async page<T extends ListedCase>(
      field: ListField,
      lists: string[],
      after: Position | undefined,
      direction: 'asc' | 'desc',
      count: number,
      keep: (c: T) => boolean = () => true
    ): Promise<T[]> {
      const sign = direction === 'asc' ? 1 : -1
      const beyond = (c: T) => !after || sign * comparePositions(positionOf(c), after) > 0
      const perList = await Promise.all(
        lists.map(async (list) => {
          // First the end the page starts from (the top when newest first, the bottom when oldest
          // first): everything in other segments lies beyond it, so when it alone fills the page
          // the page is read by two equalities whatever the list's length. Newest first, the walk
          // goes on down by `prev` for a few segments; otherwise the directory is read.
          const walked: T[] = []
          let segment = await headOf(list, direction === 'desc' ? 'top' : 'bottom')
          for (let hop = 0; segment && hop < WALK_HOPS; hop++) {
            const lo = loOf(segment)
            // Segments wholly at or above a newest-first cursor hold nothing for this page.
            if (!(after && direction === 'desc' && lo !== null && comparePositions(lo, after) >= 0))
              walked.push(...(await Case.find({ [field]: segment._id }).lean<T[]>()).filter((d) => beyond(d) && keep(d)))
            if (walked.length >= count) return walked
            // Down to the bottom: the whole list (beyond the cursor) has been read.
            if (direction === 'desc' && lo === null) return walked
            if (direction === 'asc' || !segment.prev || lo === null) break
            const below = await CaseSegment.findById(segment.prev).lean<SegmentDoc>()
            const belowLo = below ? loOf(below) : null
            // A link that does not lead down is not trusted: the directory decides.
            if (!below || (belowLo !== null && comparePositions(belowLo, lo) >= 0)) break
            segment = below
          }
          const segments = await segmentsOf(list)
          const bounds = segments.map((s, k) => ({ s, lo: loOf(s), hi: k + 1 < segments.length ? loOf(segments[k + 1]!) : null }))
          if (direction === 'desc') bounds.reverse()
          const found: T[] = []
          for (const { s, lo, hi } of bounds) {
            // Segments wholly before the cursor hold nothing for this page.
            if (after && direction === 'desc' && lo !== null && comparePositions(lo, after) >= 0) continue
            if (after && direction === 'asc' && hi !== null && comparePositions(hi, after) <= 0) continue
            const docs = await Case.find({ [field]: s._id }).lean<T[]>()
            found.push(...docs.filter((d) => beyond(d) && keep(d)))
            if (found.length >= count) break
          }
          return found
        })
      )
      return perList
        .flat()
        .sort((a, b) => sign * comparePositions(positionOf(a), positionOf(b)))
        .slice(0, count)
    },

    /**
     * How many cases a chief's list holds: the `total` its top segment carries (one read, whatever
     * the list's length). Every write to the list settles the counters it touched from a real
     * count, and rewrites the total when a case entered or left the list or a counter was
     * corrected, so this is exact unless two writers race on one segment (its next write settles
     * it). A top without a total (before migration 0009) sums the directory.
     */
    async size(list: string): Promise<number> {
      const top = await headOf(list, 'top')
      if (top && top.total != null) return top.total
      // A list whose top does not carry its size yet (written before it did): from the directory.
      return (await segmentsOf(list)).reduce((sum, s) => sum + Math.max(0, s.n), 0)
    }
  }
}

export type CaseListStore = ReturnType<typeof createCaseListStore>
