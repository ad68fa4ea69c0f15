// The one place that knows how FerretDB 1.x lays collections out in PostgreSQL: a schema per
// MongoDB database, a table per collection (named in "<db>"._ferretdb_database_metadata), each
// document in the jsonb column `_jsonb`. FerretDB pushes an equality on a top-level scalar down
// as `_jsonb->'field' @> value`; its own btree indexes cannot serve `@>`, a GIN expression index
// with jsonb_path_ops can. See docs/adr/0100-bounded-hot-queries.md.
import type { mongo } from 'mongoose'

type Db = mongo.Db
import pg from 'pg'
import { HOT_FIELDS } from './hot-fields.js'

/** FerretDB answers buildInfo with its own version beside the MongoDB one it emulates. */
export async function isFerretDB(db: Db): Promise<boolean> {
  const info = await db.admin().command({ buildInfo: 1 })
  return typeof info.ferretdbVersion === 'string' || typeof info.ferretdb === 'object'
}

/** Creates the hot collections that do not exist yet (GridFS makes its own only on first upload). */
export async function ensureCollections(db: Db): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name))
  for (const name of Object.keys(HOT_FIELDS)) {
    if (existing.has(name)) continue
    await db.createCollection(name).catch((err: { code?: number }) => {
      if (err.code !== 48) throw err // NamespaceExists: another instance was first
    })
  }
}

export interface TuningResult {
  /** Indexes created now (empty when everything was already in place). */
  created: string[]
  /** Collections of HOT_FIELDS FerretDB has no table for (none after ensureCollections). */
  missing: string[]
}

/**
 * FerretDB 1.24 can leave a PostgreSQL session "idle in transaction (aborted)" after a failed
 * write when its client connection is interrupted mid-statement (seen under CPU starvation: the
 * driver's pool was cleared while an insert that hit the unique slug index was in flight). The
 * session never rolls back, keeps its locks, and every later write of the same unique key waits
 * on it forever. PostgreSQL ends such sessions after this long; FerretDB's pool then replaces the
 * connection. FerretDB's own transactions are single statements, never idle for seconds.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT = '10s'

/** Session settings FerretDB's PostgreSQL connections need: also for its `--postgresql-url`. */
export const FERRETDB_SESSION_SETTINGS = {
  plan_cache_mode: 'force_custom_plan',
  idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT
} as const

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`

/** PostgreSQL identifiers stop at 63 bytes; a short stable hash keeps long names unique. */
function indexName(table: string, field: string): string {
  let hash = 0
  for (const ch of `${table}.${field}`) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0
  const suffix = (hash >>> 0).toString(16).padStart(8, '0')
  return `${table.slice(0, 30)}_${field
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 16)
    .toLowerCase()}_${suffix}_zegin`
}

/** The PostgreSQL table FerretDB uses for each collection of one database (schema). */
export async function ferretdbTables(client: pg.ClientBase, database: string): Promise<Map<string, string>> {
  const exists = await client.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [
    database,
    '_ferretdb_database_metadata'
  ])
  if (exists.rowCount === 0) return new Map()
  const rows = await client.query<{ collection: string; table: string }>(
    `SELECT _jsonb->>'_id' AS collection, _jsonb->>'table' AS table FROM ${quote(database)}._ferretdb_database_metadata`
  )
  return new Map(rows.rows.map((r) => [r.collection, r.table]))
}

/** The name of the GIN index that serves equality on `field` in `collection`, for EXPLAIN checks. */
export async function hotIndexName(client: pg.ClientBase, database: string, collection: string, field: string): Promise<string | null> {
  const table = (await ferretdbTables(client, database)).get(collection)
  return table ? indexName(table, field) : null
}

/**
 * Idempotent: GIN expression indexes for every hot field (including `_id`, whose FerretDB btree
 * cannot serve `@>` either) and custom plans for the whole PostgreSQL database — FerretDB binds
 * the field name as a parameter, so a cached generic plan never matches an expression index.
 * The database settings (FERRETDB_SESSION_SETTINGS) reach sessions opened after them; the
 * launcher also passes them in FerretDB's connection URL.
 */
export async function tuneFerretDBPostgres(postgresqlUrl: string, db: Db): Promise<TuningResult> {
  await ensureCollections(db)
  const database = db.databaseName
  const client = new pg.Client({ connectionString: postgresqlUrl })
  await client.connect()
  try {
    const pgDatabase = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db
    for (const [setting, value] of Object.entries(FERRETDB_SESSION_SETTINGS)) {
      await client.query(`ALTER DATABASE ${quote(pgDatabase)} SET ${setting} = '${value}'`)
    }
    const tables = await ferretdbTables(client, database)
    const created: string[] = []
    const missing: string[] = []
    for (const [collection, fields] of Object.entries(HOT_FIELDS)) {
      const table = tables.get(collection)
      if (!table) {
        missing.push(collection)
        continue
      }
      for (const field of ['_id', ...fields]) {
        const name = indexName(table, field)
        const had = await client.query('SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2', [database, name])
        if (had.rowCount) continue
        try {
          await client.query(
            `CREATE INDEX IF NOT EXISTS ${quote(name)} ON ${quote(database)}.${quote(table)} USING gin ((_jsonb -> '${field.replace(/'/g, "''")}') jsonb_path_ops)`
          )
          created.push(name)
        } catch (err) {
          // Another instance starting at the same moment created it first.
          if ((err as { code?: string }).code !== '23505' && (err as { code?: string }).code !== '42P07') throw err
        }
      }
    }
    return { created, missing }
  } finally {
    await client.end()
  }
}
