import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createCase, createExpert, freshChief } from '../helpers/factories.js'
import { eventually } from '../helpers/eventually.js'
import { TEST_APP } from '../helpers/tokens.js'

// Issue 16 finding 7f: case numbers ran per app, so any chief could read the volume of every
// office off two of their own case numbers. Numbers now run per office (ADR 0160).
let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ caseCreateRateMax: 1000 })
})
afterAll(async () => {
  await app?.close()
})

const numbersOf = (created: Array<{ case: Record<string, any> }>): number[] => created.map((c) => c.case.number as number)

describe('case numbers', () => {
  it('run per office: cases of other offices do not move a chief’s numbers', async () => {
    const a = freshChief()
    const b = freshChief()
    expect(numbersOf([await createCase(app, a), await createCase(app, a), await createCase(app, a)])).toEqual([1, 2, 3])
    expect(numbersOf([await createCase(app, b)])).toEqual([1])
    expect(numbersOf([await createCase(app, a), await createCase(app, b)])).toEqual([4, 2])
  })

  it('are unique and gap-free within an office under concurrent creation', async () => {
    const chief = freshChief()
    const created = await Promise.all(Array.from({ length: 8 }, () => createCase(app, chief)))
    expect(numbersOf(created).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('tell experts apart by office: the queue shows the office beside each number', async () => {
    const { headers } = await createExpert(app)
    const a = freshChief()
    const b = freshChief()
    await createCase(app, a)
    await createCase(app, b)
    const res = await app.inject({ method: 'GET', url: `/admin/v1/cases?officeId=${encodeURIComponent((b.office as { id: string }).id)}&q=%231`, headers })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().items.map((c: any) => [c.number, c.office.id])).toEqual([[1, (b.office as { id: string }).id]])
  })

  it('continue past the old per-app numbers of an existing database, whose per-app unique index is dropped at start', async () => {
    const old = freshChief()
    const oldOffice = (old.office as { id: string }).id
    const first = await createCase(app, old)
    const second = await createCase(app, old)
    // What an earlier version left: per-app numbers (gaps in one office), the per-app unique
    // index, and no counter for the office.
    await app.models.Case.updateOne({ _id: second.case.id }, { $set: { number: 9000 } })
    await app.models.Counter.deleteOne({ _id: `case-number:${TEST_APP.id}:${oldOffice}` })
    const cases = app.db.db!.collection('cases')
    const byKey = async (key: Record<string, number>) => (await cases.indexes()).find((i) => JSON.stringify(i.key) === JSON.stringify(key))
    // Numbers of every office must be unique per app for the old index to exist at all.
    await cases.deleteMany({ officeId: { $ne: oldOffice } })
    await cases.createIndex({ appId: 1, number: 1 }, { unique: true })
    expect(await byKey({ appId: 1, number: 1 })).toBeDefined()

    const restarted = await buildTestApp({ mongodbUri: app.config.mongodbUri })
    try {
      await eventually(async () => (await byKey({ appId: 1, number: 1 })) === undefined, 15_000, 'the per-app index dropped')
      expect((await byKey({ appId: 1, officeId: 1, number: 1 }))?.unique).toBe(true)
      expect(first.case.number).toBe(1)
      expect(numbersOf([await createCase(restarted, old)]), 'past the highest number the office has').toEqual([9001])
      expect(numbersOf([await createCase(restarted, freshChief())]), 'another office starts at 1 although the app has a case 1').toEqual([1])
    } finally {
      await restarted.close()
    }
  })
})
