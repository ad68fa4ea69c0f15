import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, freshChief } from '../helpers/factories.js'
import { TEST_APP } from '../helpers/tokens.js'
import { insertOldCases, oldCase, oldExpert, oldMessage } from './previous-release.js'

// An installation written by the previous release is upgraded by the runner, and the new code
// reads what the old one wrote. The app starts with MIGRATE_ON_START=false, as in a production
// rollout where `npm run migrate` runs first, so the pending state is visible.
let app: FastifyInstance
const chief = freshChief()
const office = chief.office as { id: string; name: string }
const expertEmail = 'stary.ekspert@example.com'
const old = oldExpert(expertEmail)

beforeAll(async () => {
  app = await buildTestApp({ migrateOnStart: false, smtpUrl: 'smtp://127.0.0.1:9', outboxWorker: false, notifyDelaySeconds: 60 })
  const db = app.db.db!
  const first = oldCase(TEST_APP.id, office, 1)
  await db.collection('cases').insertOne(first)
  await db.collection('messages').insertOne(oldMessage(first, 'Jak wystawić fakturę korygującą?'))
  await insertOldCases(db, TEST_APP.id, office, 40, 2)
  await db.collection('experts').insertOne(old.doc)
  // A second expert of the old release, so the unique index on experts.keyHash it had is there too.
  await db.collection('experts').insertOne(oldExpert('drugi@example.com').doc)
  await db.collection('experts').createIndex({ keyHash: 1 }, { unique: true })
  // Statistics counters as the release before monthly keys wrote them (a day and the backlog total), and their index.
  await db.collection('stats_daily').insertMany([
    { _id: '2026-11-30:*:old' as never, day: '2026-11-30', officeId: '*', shard: 'old', opened: 2 },
    { _id: 'all:*:old' as never, day: 'all', officeId: '*', shard: 'old', backlog: 2 }
  ])
  // An article's reads as the release before month roll-ups wrote them.
  await db.collection('stats_article_monthly').insertOne({
    _id: '2026-11:*:665f1c2e9b1e8a3d4c5b6a80:old' as never,
    month: '2026-11',
    officeId: '*',
    articleId: '665f1c2e9b1e8a3d4c5b6a80',
    shard: 'old',
    monthOffice: '2026-11|*',
    reads: 3,
    reads_29: 1,
    reads_30: 2
  })
  await db.collection('stats_daily').createIndex({ day: 1, officeId: 1 })
}, 60_000)
afterAll(() => app?.close())

describe('upgrading a database written by the previous release', () => {
  it('is not ready while required migrations are pending, and says which', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({ code: 'MIGRATION_PENDING' })
    const status = await app.migrations.migrator.status()
    expect(status.pending).toEqual([
      '0001-baseline',
      '0002-expert-notify-default',
      '0003-case-notification-fields',
      '0005-expert-keys',
      '0006-case-lists',
      '0007-stats-month-keys',
      '0008-stats-month-rollups',
      'indexes'
    ])
  })

  it('migrates, becomes ready, and a second run changes nothing', async () => {
    const { ran, status } = await app.migrations.migrator.run()
    expect(ran).toBe(true)
    expect(status.pending).toEqual([])
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)

    const records = await app.db.db!.collection('migrations').find({}).toArray()
    const byId = Object.fromEntries(records.map((r) => [r._id, r]))
    expect(byId['0003-case-notification-fields']).toMatchObject({ state: 'done', attempts: 1, steps: { backfill: { processed: 41, done: true } } })
    expect(byId['0002-expert-notify-default']).toMatchObject({ state: 'done', steps: { backfill: { processed: 2, done: true } } })
    expect(byId['0005-expert-keys']).toMatchObject({ state: 'done', steps: { copy: { processed: 2, done: true } } })
    expect(byId['0007-stats-month-keys']).toMatchObject({ state: 'done', steps: { 'month-keys': { done: true } } })
    expect(byId['0009-case-list-heads']).toMatchObject({ state: 'done' })
    // The office's active list marks its top, which carries the list's size.
    const top = await app.db.db!.collection('case_segments').findOne({ top: `c|${TEST_APP.id}|${office.id}|active` })
    expect(top?.total).toBe(41)
    const counters = await app.db.db!.collection('stats_daily').find({ shard: 'old' }).sort({ _id: 1 }).toArray()
    expect(counters.map((c) => [c._id, c.monthOffice])).toEqual([
      ['2026-11-30:*:old', '2026-11|*'],
      ['all:*:old', 'all|*']
    ])
    // The month roll-up of the old shard: the day's counters, its day row and the article's reads.
    expect(await app.db.db!.collection('stats_monthly').find({ shard: 'old' }).toArray()).toEqual([
      { _id: '2026-11:*:old', month: '2026-11', officeId: '*', shard: 'old', yearOffice: '2026|*', opened: 2, opened_30: 2, reads_665f1c2e9b1e8a3d4c5b6a80: 3 }
    ])
    expect(await app.db.db!.collection('stats_daily').countDocuments({ shard: 'old', months: true })).toBe(1)
    // Its reads per day became day counters of their own shard.
    expect(await app.db.db!.collection('stats_daily').find({ shard: 'old/reads' }).sort({ _id: 1 }).toArray()).toEqual([
      {
        _id: '2026-11-29:*:old/reads',
        day: '2026-11-29',
        officeId: '*',
        shard: 'old/reads',
        monthOffice: '2026-11|*',
        months: true,
        reads_665f1c2e9b1e8a3d4c5b6a80: 1
      },
      {
        _id: '2026-11-30:*:old/reads',
        day: '2026-11-30',
        officeId: '*',
        shard: 'old/reads',
        monthOffice: '2026-11|*',
        months: true,
        reads_665f1c2e9b1e8a3d4c5b6a80: 2
      }
    ])
    const statsIndexes = await app.db.db!.collection('stats_daily').listIndexes().toArray()
    expect(statsIndexes.map((i) => i.key)).toContainEqual({ monthOffice: 1 })
    expect(statsIndexes.map((i) => i.key)).not.toContainEqual({ day: 1, officeId: 1 })
    const indexes = await app.db.db!.collection('cases').listIndexes().toArray()
    expect(indexes.length).toBeGreaterThanOrEqual(7)

    await app.migrations.migrator.run()
    const again = await app.db.db!.collection('migrations').findOne({ _id: '0003-case-notification-fields' as never })
    expect(again).toMatchObject({ attempts: 1 })
    expect(await app.db.db!.collection('expert_keys').countDocuments()).toBe(2)
  })

  it('the new code reads the old cases: list, detail and the first message', async () => {
    const headers = await authFor(chief)
    const list = await app.inject({ method: 'GET', url: '/api/v1/cases?limit=50', headers })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().items).toHaveLength(41)
    const first = list.json().items.find((c: { number: number }) => c.number === 1)
    const detail = await app.inject({ method: 'GET', url: `/api/v1/cases/${first.id}`, headers })
    expect(detail.statusCode, detail.body).toBe(200)
    expect(detail.json().messages[0].body).toBe('Jak wystawić fakturę korygującą?')
    const stored = await app.db.db!.collection('cases').findOne({ number: 1, officeId: office.id })
    expect(stored).toMatchObject({ chiefLocale: 'pl' })
  })

  it("an expert from before notification preferences gets the documented default ('unassigned': mailed after the delay, only if nobody took the case)", async () => {
    const created = await createCase(app, chief, { question: 'Nowe pytanie po aktualizacji' })
    const mail = await app.db.db!.collection('outbox').findOne({
      _id: `mail:expert-new-case:${created.case.id}:${String((await app.db.db!.collection('experts').findOne({ email: expertEmail }))!._id)}` as never
    })
    expect(mail).not.toBeNull()
    expect(mail!.guard).toMatchObject({ kind: 'case-unassigned' })
    expect(mail!.dueAt.getTime()).toBeGreaterThan(Date.now() + 30_000)
  })

  it('the single key of an expert from before several keys per expert still signs them in, and is listed in Zespół', async () => {
    const me = await app.inject({ method: 'GET', url: '/admin/v1/me', headers: { authorization: `Bearer ${old.key}` } })
    expect(me.statusCode, me.body).toBe(200)
    expect(me.json()).toMatchObject({ email: expertEmail, locale: 'pl' })
    const keys = await app.db.db!.collection('expert_keys').find({ expertId: old.doc._id }).toArray()
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ keyPrefix: old.doc.keyPrefix, keyHash: old.doc.keyHash, note: '' })
    expect(keys[0]!.revokedAt ?? null).toBeNull()
    expect(keys[0]!.lastUsedAt).toBeInstanceOf(Date)
    // The old unique index on experts.keyHash is gone: experts created now (with no keyHash) do not collide.
    const indexes = await app.db.db!.collection('experts').listIndexes().toArray()
    expect(indexes.filter((i) => 'keyHash' in i.key)).toEqual([])
    await app.experts.invite({ name: 'Nowy A', email: 'nowy.a@example.com', admin: false, locale: 'pl' })
    await app.experts.invite({ name: 'Nowy B', email: 'nowy.b@example.com', admin: false, locale: 'pl' })
  })
})
