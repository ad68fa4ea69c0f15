import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { personas } from '../helpers/tokens.js'
import { prng, seedFromEnv } from '@ze/testkit/prng'
import type { IdentityClaims } from '@ze/contract'
import { identityFromClaims } from '../../src/domain/identity.js'
import { TEST_APP } from '../helpers/tokens.js'
import type { StoredCase } from '../../src/models/case.js'
import { byLo, headRepairs, type SegmentDoc } from '../../src/repositories/case-lists/build.js'

// The segmented lists (read model) against the plain query they replace, over random
// sequences of every write that moves a case between lists. Segments of 3 cases, so splits
// happen all the time; pages of 2, so every page boundary is crossed.
const SEGMENT_MAX = 3
const OPS = 90
const seed = seedFromEnv()

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ caseListSegmentMax: SEGMENT_MAX })
})
afterAll(() => app.close())

const newestFirst = (a: StoredCase, b: StoredCase) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime() || (String(b._id) < String(a._id) ? -1 : 1)

async function allPages<T>(read: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  for (let guard = 0; guard < 500; guard++) {
    const page = await read(cursor)
    items.push(...page.items)
    if (!page.nextCursor) return items
    cursor = page.nextCursor
  }
  throw new Error('pagination does not end')
}

describe('case lists (read model)', () => {
  it(`match the plain queries after random writes (seed ${seed})`, async () => {
    const rnd = prng(seed)
    const claims = (p: object) => ({ ...p, aud: TEST_APP.id, iat: 0, exp: 4_000_000_000 }) as IdentityClaims
    const chiefs = [identityFromClaims(claims(personas.chiefOffice)), identityFromClaims(claims(personas.chiefOtherOffice))]
    const experts = await Promise.all(
      ['Ekspert A', 'Ekspert B'].map((name) => app.experts.create({ name, email: `${name.replace(' ', '.')}.${seed}@test.pl`, admin: false }))
    )
    const expertOf = (k: number) => ({ id: experts[k]!.expert.id, name: experts[k]!.expert.name, email: '', admin: false, locale: 'pl' as const })
    const caseIds: string[] = []
    const { Case } = app.models

    const check = async () => {
      const all = (await Case.find({}).lean<StoredCase[]>()).sort(newestFirst)
      for (const chief of chiefs) {
        const own = all.filter((c) => c.appId === chief.appId && c.officeId === chief.office.id)
        for (const view of ['active', 'archived'] as const) {
          for (const unread of [undefined, true, false]) {
            const expected = own
              .filter((c) => c.archived === (view === 'archived') && (unread === undefined || c.chiefUnread === unread))
              .map((c) => String(c._id))
            const got = await allPages((cursor) =>
              app.cases.list(chief, { view, ...(unread === undefined ? {} : { unread }), limit: 2, ...(cursor ? { cursor } : {}) })
            )
            expect(
              got.map((c) => String(c._id)),
              `${chief.office.id} ${view} unread=${unread}`
            ).toEqual(expected)
          }
        }
        expect(await app.cases.unreadCount(chief)).toBe(own.filter((c) => c.chiefUnread && !c.archived).length)
      }
      const oldestFirst = [...all].reverse()
      for (const assignee of [undefined, 'none', 'me'] as const) {
        for (const status of [undefined, 'open', 'answered', 'resolved'] as const) {
          const mine = (c: StoredCase) => (assignee === undefined ? true : assignee === 'none' ? !c.assigneeId : String(c.assigneeId) === experts[0]!.expert.id)
          const waiting = status === undefined || status === 'open' ? oldestFirst.filter((c) => mine(c) && c.status === 'open') : []
          const rest = status === 'open' ? [] : all.filter((c) => mine(c) && c.status !== 'open' && (status === undefined || c.status === status))
          const expected = [...waiting, ...rest].map((c) => String(c._id))
          const got = await allPages((cursor) =>
            app.caseQueue.queue(expertOf(0), { limit: 2, ...(assignee ? { assignee } : {}), ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) })
          )
          expect(
            got.map((c) => String(c._id)),
            `queue assignee=${assignee} status=${status}`
          ).toEqual(expected)
        }
      }
      // No segment outgrows its limit (splits follow the real count, not the counters).
      const segments = await app.models.CaseSegment.find({}).lean<SegmentDoc[]>()
      for (const segment of segments) {
        const field = { c: 'listSeg', u: 'unreadSeg', s: 'statusSeg', a: 'assigneeSeg' }[segment.list[0] as 'c']
        expect(await Case.countDocuments({ [field]: segment._id }), segment._id).toBeLessThanOrEqual(SEGMENT_MAX)
      }
      // Every list marks exactly its highest and lowest segment, and a chief's list's top carries its size.
      for (const list of new Set(segments.map((s) => s.list))) {
        expect(headRepairs(segments.filter((s) => s.list === list).sort(byLo)), list).toEqual([])
      }
    }

    for (let op = 0; op < OPS; op++) {
      const chief = rnd.pick(chiefs)
      const kind =
        caseIds.length < 4 ? 'create' : rnd.pick(['create', 'chiefReply', 'expertReply', 'note', 'status', 'assign', 'archive', 'unarchive', 'read'] as const)
      const id = rnd.pick(caseIds.length ? caseIds : ['0123456789abcdef01234567'])
      const found = await Case.findById(id).lean<StoredCase>()
      const owner = found && chiefs.find((c) => c.office.id === found.officeId)
      if (kind === 'create' || !found || !owner) {
        caseIds.push(String((await app.cases.create(chief, { question: `Pytanie ${op}`, entryPoint: 'messages' }, [], null)).case._id))
      } else if (kind === 'chiefReply') {
        await app.cases.reply(owner, found, `Odpowiedź ${op}`, [])
      } else if (kind === 'expertReply' || kind === 'note') {
        await app.caseQueue.reply(expertOf(rnd.int(2)), found, { body: `Ekspert ${op}`, internal: kind === 'note' }, [])
      } else if (kind === 'status') {
        await app.caseQueue.patch(expertOf(0), id, { status: rnd.pick(['open', 'answered', 'resolved'] as const) })
      } else if (kind === 'assign') {
        await app.caseQueue.patch(expertOf(0), id, { assignee: rnd.chance(0.3) ? null : experts[rnd.int(2)]!.expert.id })
      } else {
        const ids = [id, ...caseIds.filter(() => rnd.chance(0.2))]
        await app.cases.bulk(owner, kind, ids)
      }
      if (op % 15 === 14) await check()
    }
    await check()
  }, 240_000)
})
