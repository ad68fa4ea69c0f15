import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { rmSync } from 'node:fs'
import { mongo } from 'mongoose'
import { startFerretDB, tempDataDir, type RunningFerretDB } from '@ze/testkit/ferretdb'
import { withDatabase } from '@ze/testkit/database'
import { buildTestApp } from './helpers/app.js'
import { createCase, createExpert, freshChief } from './helpers/factories.js'
import { HOT_FIELDS } from '../src/db-tuning/hot-fields.js'
import { hotIndexName, IDLE_IN_TRANSACTION_TIMEOUT, isFerretDB, tuneFerretDBPostgres } from '../src/db-tuning/ferretdb-postgresql.js'
import { tuneFerretDBSqlite } from '../src/db-tuning/ferretdb-sqlite.js'

// On FerretDB + PostgreSQL every hot query must be answerable through the tuning's GIN indexes.
// FerretDB's own `explain` shows the SQL condition it pushes down; the same condition, planned
// by PostgreSQL with sequential scans priced out (test tables are tiny, so the planner would
// rightly scan them), must use the index. An upgrade that changes how filters are pushed down,
// or a hot query that stops being an equality on a top-level field, fails here.
const postgresqlUrl = inject('postgresqlUrl')

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  'Relation Name'?: string
  Schema?: string
  Filter?: string
  'Recheck Cond'?: string
  Plans?: PlanNode[]
}
const scanIn = (node: PlanNode): PlanNode | undefined => (node['Relation Name'] ? node : (node.Plans ?? []).map(scanIn).find(Boolean))
const indexesIn = (node: PlanNode): string[] => [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(indexesIn)]

describe.skipIf(!postgresqlUrl)('FerretDB + PostgreSQL tuning', () => {
  it('is idempotent and knows it talks to FerretDB', async () => {
    expect(await isFerretDB(app.db.db!)).toBe(true)
    const again = await tuneFerretDBPostgres(postgresqlUrl, app.db.db!)
    expect(again).toEqual({ created: [], missing: [] })
  })

  it('serves every hot query from its GIN index (EXPLAIN through FerretDB)', async () => {
    const chief = freshChief()
    const created = await createCase(app, chief, { question: 'Jak zaksięgować korektę?' })
    const expert = await createExpert(app)
    const stored = await app.models.Case.findById(created.case.id).lean()
    const client = new pg.Client({ connectionString: postgresqlUrl })
    await client.connect()
    try {
      const db = app.db.db!
      const hot: Array<[collection: string, field: string, value: unknown]> = [
        ['cases', '_id', stored!._id],
        ['cases', 'listSeg', stored!.listSeg],
        ['cases', 'unreadSeg', stored!.unreadSeg],
        ['cases', 'statusSeg', stored!.statusSeg],
        ['cases', 'assigneeSeg', stored!.assigneeSeg],
        ['case_segments', 'list', 's|open'],
        ['case_segments', 'top', 's|open'],
        ['case_segments', 'bottom', 's|open'],
        ['case_segments', 'prev', 's|open#root'],
        ['case_list_versions', '_id', `${stored!.appId}|${stored!.officeId}`],
        ['messages', 'caseId', stored!._id],
        ['expert_keys', 'keyHash', 'x'.repeat(64)],
        ['fs.files', '_id', stored!._id],
        ['fs.chunks', 'files_id', stored!._id],
        ['rate_limits', 'key', 'k'],
        ['stats_daily', '_id', '2026-11-30:*:abc'],
        ['stats_daily', 'monthOffice', '2026-11|*'],
        ['stats_article_monthly', '_id', '2026-11:*:665f1c2e9b1e8a3d4c5b6a80:abc'],
        ['stats_article_monthly', 'monthOffice', '2026-11|*'],
        ['stats_monthly', '_id', '2026-11:*:abc'],
        ['stats_monthly', 'yearOffice', '2026|*']
      ]
      expect(new Set(hot.map(([c, f]) => `${c}.${f}`))).toEqual(
        new Set(
          Object.entries(HOT_FIELDS)
            .flatMap(([c, fs]) => ['_id', ...fs].map((f) => `${c}.${f}`))
            .filter((k) => !k.endsWith('._id') || hot.some(([c, f]) => `${c}.${f}` === k))
        )
      )
      await client.query('SET enable_seqscan = off')
      for (const [collection, field, value] of hot) {
        const explained = await db.command({ explain: { find: collection, filter: { [field]: value } }, verbosity: 'queryPlanner' })
        const plan = scanIn((explained.queryPlanner as { Plan: PlanNode }).Plan)!
        expect(plan, `${collection}.${field}: ${JSON.stringify(explained.queryPlanner)}`).toBeDefined()
        expect(explained.filterPushdown, `${collection}.${field} pushed down`).toBe(true)
        // A sequential scan filters by the condition; a bitmap scan (the index already chosen) rechecks it.
        const condition = plan.Filter ?? plan['Recheck Cond']
        expect(typeof condition, `${collection}.${field} pushed down: ${JSON.stringify(explained.queryPlanner)}`).toBe('string')
        expect(condition, `${collection}.${field} as FerretDB pushes it down`).toMatch(new RegExp(`_jsonb -> '${field.replace('.', '\\.')}'::text\\) @> `))
        const sql = `EXPLAIN (FORMAT JSON) SELECT _jsonb FROM "${plan.Schema}"."${plan['Relation Name']}" WHERE ${condition}`
        const pgPlan = ((await client.query(sql)).rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan
        expect(indexesIn(pgPlan), `${collection}.${field} uses its index`).toContain(await hotIndexName(client, db.databaseName, collection, field))
      }
      expect(expert.expert.id).toBeTruthy()
    } finally {
      await client.end()
    }
  })

  it('ends a session left idle in an aborted transaction, so its locks cannot stall later writes', async () => {
    const client = new pg.Client({ connectionString: postgresqlUrl })
    const ended = new Promise<Error>((resolve) => client.on('error', resolve))
    await client.connect()
    try {
      expect((await client.query('SHOW idle_in_transaction_session_timeout')).rows[0].idle_in_transaction_session_timeout).toBe(IDLE_IN_TRANSACTION_TIMEOUT)
      await client.query('BEGIN')
      await expect(client.query('SELECT 1/0')).rejects.toThrow(/division by zero/)
      // PostgreSQL terminates the session (SQLSTATE 25P03) after the timeout; the client sees the connection end.
      const err = await ended
      expect(err.message).toMatch(/idle-in-transaction timeout|terminat/i)
    } finally {
      await client.end().catch(() => {})
    }
  }, 60_000)
})

// FerretDB on SQLite (the launcher's fallback) pushes down only `{_id: value}`, as
// `_ferretdb_sjson->'$._id' = ?`; its own `_id` index is on another expression, so without the
// tuning that read scans the table. FerretDB's explain returns SQLite's EXPLAIN QUERY PLAN.
const { MongoClient, ObjectId } = mongo
describe('FerretDB + SQLite tuning', () => {
  let sqlite: RunningFerretDB
  let client: mongo.MongoClient
  beforeAll(async () => {
    sqlite = await startFerretDB({ dataDir: tempDataDir(), backend: 'sqlite', log: () => {} })
    client = await new MongoClient(withDatabase(sqlite.uri, 'ze_sqlite_tuning')).connect()
  }, 120_000)
  afterAll(async () => {
    await client?.close()
    await sqlite?.stop()
    if (sqlite) rmSync(sqlite.dataDir, { recursive: true, force: true })
  })

  const planOf = async (collection: string, id: unknown): Promise<{ plan: string; pushdown: boolean }> => {
    const explained = await client.db().command({ explain: { find: collection, filter: { _id: id } }, verbosity: 'queryPlanner' })
    return { plan: ((explained.queryPlanner as { Plan: string[] }).Plan ?? []).join('\n'), pushdown: explained.filterPushdown as boolean }
  }

  it('reads by _id through an index on the expression FerretDB queries, on every collection', async () => {
    const db = client.db()
    const ids = Array.from({ length: 50 }, () => new ObjectId())
    await db.collection('cases').insertMany(ids.map((_id, n) => ({ _id, n })))
    await db.collection('other_things').insertOne({ _id: 'a', n: 1 } as never)

    const before = await planOf('cases', ids[7])
    expect(before.pushdown, before.plan).toBe(true)
    expect(before.plan, 'FerretDB alone scans (its own _id index is on another expression)').toMatch(/detail=SCAN /)

    const sqliteUrl = sqlite.sqliteUrl!
    expect(sqliteUrl).toMatch(/^file:/)
    const tuned = await tuneFerretDBSqlite(sqliteUrl, db)
    expect(tuned.created.length).toBeGreaterThanOrEqual(Object.keys(HOT_FIELDS).length + 1)
    for (const [collection, id] of [
      ['cases', ids[7]],
      ['other_things', 'a'],
      ['rate_limits', 'k#1']
    ] as const) {
      // A real read first: a connection FerretDB opened before the index sees it when a statement
      // next touches the file; EXPLAIN alone reads nothing, so it could plan with the old schema.
      await db.collection(collection).findOne({ _id: id } as object)
      const after = await planOf(collection, id)
      expect(after.pushdown, `${collection}: ${after.plan}`).toBe(true)
      expect(after.plan, `${collection} uses the _id index`).toMatch(/detail=SEARCH \S+ USING INDEX \S+__ze_id_path \(<expr>=\?\)/)
    }
    // The answers are the same through the index.
    expect(await db.collection('cases').findOne({ _id: ids[7] })).toEqual({ _id: ids[7], n: 7 })
    await db.collection('cases').updateOne({ _id: ids[8] }, { $set: { n: 80 } })
    expect((await db.collection('cases').findOne({ _id: ids[8] }))?.n).toBe(80)

    expect(await tuneFerretDBSqlite(sqliteUrl, db)).toEqual({ created: [], missing: [] })
  }, 60_000)

  it('is applied by the service when FERRETDB_SQLITE_URL is set', async () => {
    const service = await buildTestApp({
      mongodbUri: withDatabase(sqlite.uri, 'ze_sqlite_service'),
      ferretdbPostgresqlUrl: null,
      ferretdbSqliteUrl: sqlite.sqliteUrl
    })
    try {
      // The tuning runs right after the connection opens, beside the start-up; wait for it.
      const plan = async () => {
        const id = new ObjectId()
        await service.db.db!.collection('cases').findOne({ _id: id })
        const explained = await service.db.db!.command({ explain: { find: 'cases', filter: { _id: id } }, verbosity: 'queryPlanner' })
        return ((explained.queryPlanner as { Plan?: string[] }).Plan ?? []).join('\n')
      }
      const until = Date.now() + 60_000
      while (!/USING INDEX/.test(await plan()) && Date.now() < until) await new Promise((r) => setTimeout(r, 200))
      expect(await plan()).toMatch(/USING INDEX \S+__ze_id_path/)
    } finally {
      await service.close()
    }
  }, 180_000)
})
