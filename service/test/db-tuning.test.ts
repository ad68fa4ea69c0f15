import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildTestApp } from './helpers/app.js'
import { createCase, createExpert, freshChief } from './helpers/factories.js'
import { HOT_FIELDS } from '../src/db-tuning/hot-fields.js'
import { hotIndexName, IDLE_IN_TRANSACTION_TIMEOUT, isFerretDB, tuneFerretDBPostgres } from '../src/db-tuning/ferretdb-postgresql.js'

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
        ['messages', 'caseId', stored!._id],
        ['expert_keys', 'keyHash', 'x'.repeat(64)],
        ['fs.files', '_id', stored!._id],
        ['fs.chunks', 'files_id', stored!._id],
        ['rate_limits', 'key', 'k'],
        ['stats_daily', '_id', '2026-11-30:*:abc'],
        ['stats_daily', 'monthOffice', '2026-11|*'],
        ['stats_article_monthly', '_id', '2026-11:*:665f1c2e9b1e8a3d4c5b6a80:abc'],
        ['stats_article_monthly', 'monthOffice', '2026-11|*']
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
