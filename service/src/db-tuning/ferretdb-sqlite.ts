// The one place that knows how FerretDB 1.x lays collections out in SQLite: a file
// `<database>.sqlite` per MongoDB database in the folder of its --sqlite-url, a table per
// collection (named in `_ferretdb_collections`), each document as JSON in `_ferretdb_sjson`.
// FerretDB pushes down only a filter that is exactly `{_id: value}`, as
// `_ferretdb_sjson->'$._id' = ?`; its own `_id` index is built on `_ferretdb_sjson->"_id"`, an
// expression SQLite does not consider equal, so every such read scans the table. An index on
// the expression the queries use is found by SQLite's planner. See docs/adr/0100-bounded-hot-queries.md.
import { join } from 'node:path'
import type { mongo } from 'mongoose'
import { ensureCollections, type TuningResult } from './ferretdb-postgresql.js'

const ID_EXPRESSION = `_ferretdb_sjson->'$._id'`

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`

/** The file FerretDB keeps `database` in, from the `file:` URL it was started with. */
export function sqliteFileOf(sqliteUrl: string, database: string): string {
  const folder = decodeURIComponent(sqliteUrl.replace(/^file:(\/\/(?=\/))?/, '').replace(/[?#].*$/, ''))
  return join(folder, `${database}.sqlite`)
}

/** The name of the `_id` expression index of a FerretDB table (FerretDB names its own `<table>_<index>`). */
export const idIndexName = (table: string): string => `${table}__ze_id_path`

/**
 * Idempotent: an index on `_ferretdb_sjson->'$._id'` for every collection of the database
 * (reads and updates by `_id` on any collection use it). Collections created later get theirs
 * at the next start. Written through a connection of our own: SQLite locks the file for the
 * moment of each CREATE INDEX, and FerretDB waits on a lock (its busy_timeout) rather than fail.
 */
export async function tuneFerretDBSqlite(sqliteUrl: string, db: mongo.Db): Promise<TuningResult> {
  await ensureCollections(db)
  // Loaded only here: a native module that only this configuration needs.
  const { default: Database } = await import('better-sqlite3')
  const sqlite = new Database(sqliteFileOf(sqliteUrl, db.databaseName), { fileMustExist: true })
  try {
    sqlite.pragma('busy_timeout = 10000')
    const tables = sqlite.prepare('SELECT table_name AS name FROM _ferretdb_collections').all() as Array<{ name: string }>
    const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`)
    const created: string[] = []
    for (const { name: table } of tables) {
      const index = idIndexName(table)
      if (exists.get(index)) continue
      sqlite.exec(`CREATE INDEX IF NOT EXISTS ${quote(index)} ON ${quote(table)} (${ID_EXPRESSION})`)
      created.push(index)
    }
    return { created, missing: [] }
  } finally {
    sqlite.close()
  }
}
