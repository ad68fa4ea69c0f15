import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { TEST_APP } from '../helpers/tokens.js'
import { testMigrator, type AfterBatch } from '../helpers/migrator.js'
import { insertOldCases } from './previous-release.js'

// The runner on the real database: batches of a fixed size over one cursor, progress saved per
// batch, a crash mid-way resumed by the next run (another owner), and one runner at a time.
// Small on purpose: FerretDB on SQLite writes ~10 documents a second on a loaded test machine.
const CASES = 230
const BATCH = 20
let app: FastifyInstance

beforeAll(async () => {
  app = await buildTestApp({ migrateOnStart: false })
  await insertOldCases(app.db.db!, TEST_APP.id, { id: 'office-batch', name: 'Biuro Wsadowe' }, CASES)
}, 120_000)
afterAll(() => app?.close())

const migrator = (owner: string, afterBatch?: AfterBatch) => testMigrator(app, owner, BATCH, afterBatch)

const migrated = () => app.db.db!.collection('cases').countDocuments({ chiefLocale: 'pl' })

describe('migrations runner', () => {
  it('a run that dies after three batches leaves its progress; the next run resumes and finishes only the rest', async () => {
    const sizes: number[] = []
    let last = 0
    const crashing = migrator('crashing-instance', (migration, _step, progress) => {
      if (migration !== '0003-case-notification-fields') return
      sizes.push(progress.processed - last)
      last = progress.processed
      if (progress.batches === 3) throw new Error('simulated crash')
    })
    await expect(crashing.run()).rejects.toThrow('simulated crash')
    expect(sizes).toEqual([BATCH, BATCH, BATCH])
    expect(await migrated()).toBe(3 * BATCH)
    const status = await crashing.status()
    expect(status.interrupted).toEqual(['0003-case-notification-fields'])
    expect(status.pending).toContain('0003-case-notification-fields')

    const resumedSizes: number[] = []
    let resumedFrom: number | null = null
    const next = migrator('next-instance', (migration, _step, progress) => {
      if (migration !== '0003-case-notification-fields') return
      resumedFrom ??= progress.processed - Math.min(BATCH, progress.processed)
      resumedSizes.push(progress.batches)
    })
    const { ran, status: after } = await next.run()
    expect(ran).toBe(true)
    expect(after.pending).toEqual([])
    expect(resumedFrom).toBe(3 * BATCH)
    // 230 − 60 = 170 left: 8 full batches and one of 10; never more than BATCH at a time.
    expect(resumedSizes).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(await migrated()).toBe(CASES)
    const record = await app.db.db!.collection('migrations').findOne({ _id: '0003-case-notification-fields' as never })
    expect(record).toMatchObject({ state: 'done', attempts: 2, owner: 'next-instance', steps: { backfill: { processed: CASES, batches: 12, done: true } } })
  }, 120_000)

  it('only one runner works at a time: a second one finds the lease held and runs nothing', async () => {
    await app.db.db!.collection('migrations').deleteOne({ _id: '0003-case-notification-fields' as never })
    await app.db.db!.collection('cases').updateMany({ number: { $lte: 2 * BATCH } }, { $unset: { chiefLocale: '' } })
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let entered!: () => void
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const first = migrator('first', async () => {
      entered()
      await gate
    })
    const running = first.run()
    await inside
    const second = await migrator('second').run()
    expect(second.ran).toBe(false)
    expect(second.status.pending).toEqual(['0003-case-notification-fields'])
    release()
    expect((await running).status.pending).toEqual([])
    expect(await migrated()).toBe(CASES)
  }, 120_000)
})
