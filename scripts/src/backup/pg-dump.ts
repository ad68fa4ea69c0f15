import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MongoClient } from 'mongodb'
import { findPostgresBinDir } from '@ze/testkit/ferretdb'

const MANIFEST = 'manifest.json'
const DUMP = 'ferretdb.pgdump'

interface PgManifest {
  format: 'ze-pgdump-v1'
  createdAt: string
  /** FerretDB keeps each MongoDB database in the PostgreSQL schema of the same name. */
  database: string
  /** Document counts at dump time, for the operator to compare after a restore. */
  collections: Array<{ name: string; documents: number }>
}

export const isPgBackup = (dir: string): boolean =>
  existsSync(join(dir, MANIFEST)) && (JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { format?: string }).format === 'ze-pgdump-v1'

/**
 * pg_dump / pg_restore from the PostgreSQL binaries the embedded FerretDB runs on (the same major
 * version, so the dump format matches). They run as the calling user over TCP: the cluster
 * trusts loopback connections for its `postgres` role, and the dump file then belongs to whoever
 * asked for it rather than to `postgres`.
 */
function pgTool(tool: 'pg_dump' | 'pg_restore' | 'psql', args: string[], input?: string): string {
  const binDir = findPostgresBinDir()
  if (!binDir) throw new Error(`${tool} not found (install PostgreSQL's client tools, or unset FERRETDB_POSTGRESQL_URL for a driver-level backup)`)
  const res = spawnSync(join(binDir, tool), args, { encoding: 'utf8', ...(input ? { input } : {}) })
  if (res.error) throw res.error
  if (res.status !== 0) throw new Error(`${tool} exited with ${res.status}: ${res.stderr}`)
  return res.stdout
}

async function counts(uri: string): Promise<{ database: string; collections: PgManifest['collections'] }> {
  const client = await MongoClient.connect(uri)
  try {
    const db = client.db()
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.'))
    const collections = []
    for (const name of names.sort()) collections.push({ name, documents: await db.collection(name).countDocuments() })
    return { database: db.databaseName, collections }
  } finally {
    await client.close()
  }
}

/**
 * A point-in-time backup of one database of FerretDB on PostgreSQL: its schema in FerretDB's
 * PostgreSQL database, GridFS chunks included, in pg_dump's custom format (compressed, restored
 * with pg_restore). pg_dump reads in one snapshot, so the service may keep writing meanwhile.
 */
export async function pgDumpDatabase(uri: string, postgresqlUrl: string, dir: string): Promise<PgManifest> {
  mkdirSync(dir, { recursive: true })
  const { database, collections } = await counts(uri)
  pgTool('pg_dump', ['--format=custom', `--schema=${database}`, `--file=${join(dir, DUMP)}`, `--dbname=${postgresqlUrl}`])
  const manifest: PgManifest = { format: 'ze-pgdump-v1', createdAt: new Date().toISOString(), database, collections }
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/**
 * Restores such a backup into FerretDB's PostgreSQL database under the database's own name; the
 * schema must not exist yet (a fresh cluster, or the database dropped). FerretDB reads its
 * catalogue when it connects, so it should be stopped meanwhile (or restarted afterwards).
 */
export function pgRestoreDatabase(postgresqlUrl: string, dir: string): PgManifest {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as PgManifest
  const exists = pgTool(
    'psql',
    ['--no-psqlrc', '--tuples-only', '--no-align', '-v', `name=${manifest.database}`, `--dbname=${postgresqlUrl}`],
    "SELECT count(*) FROM pg_namespace WHERE nspname = :'name';"
  )
  if (exists.trim() !== '0') throw new Error(`database ${manifest.database} already exists in ${postgresqlUrl}; restore into a fresh cluster or drop it first`)
  pgTool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${postgresqlUrl}`, join(dir, DUMP)])
  return manifest
}
