import { join } from 'node:path'
import { repoRoot, startFerretDB, tempDataDir, waitForPing, type RunningFerretDB } from './ferretdb.js'

export interface Database {
  /** Server URI without a database name; callers append one. */
  serverUri: string
  embedded: RunningFerretDB | null
  /** PostgreSQL under the embedded FerretDB (or FERRETDB_POSTGRESQL_URL with MONGODB_URI): the service's FERRETDB_POSTGRESQL_URL. */
  postgresqlUrl: string | null
  /** FerretDB's --sqlite-url when the embedded one runs on SQLite (or FERRETDB_SQLITE_URL with MONGODB_URI): the service's FERRETDB_SQLITE_URL. */
  sqliteUrl: string | null
  stop(): Promise<void>
}

/** The service's environment for tuning the backend under FerretDB (db-tuning); empty values when there is none. */
export const tuningEnv = (db: { postgresqlUrl: string | null; sqliteUrl?: string | null }): Record<string, string> => ({
  FERRETDB_POSTGRESQL_URL: db.postgresqlUrl ?? '',
  FERRETDB_SQLITE_URL: db.sqliteUrl ?? ''
})

/** Splits a MongoDB URI into the server part and the database name (if any). */
export function withDatabase(serverUri: string, dbName: string): string {
  const url = new URL(serverUri)
  url.pathname = `/${dbName}`
  return url.toString()
}

/**
 * The one way every script and test gets a database: MONGODB_URI when it is set
 * (nothing is started), otherwise an embedded FerretDB on PostgreSQL (SQLite when PostgreSQL
 * is missing and cannot be installed).
 */
export async function ensureDatabase(opts: { port?: number; dataDir?: string; temporary?: boolean; log?: (l: string) => void } = {}): Promise<Database> {
  const external = process.env.MONGODB_URI
  if (external) {
    await waitForPing(external, 15_000)
    return {
      serverUri: external,
      embedded: null,
      postgresqlUrl: process.env.FERRETDB_POSTGRESQL_URL || null,
      sqliteUrl: process.env.FERRETDB_SQLITE_URL || null,
      stop: async () => {}
    }
  }
  const dataDir = opts.dataDir ?? (opts.temporary ? tempDataDir() : join(repoRoot, '.data', 'ferretdb'))
  const embedded = await startFerretDB({ dataDir, durable: !opts.temporary, ...(opts.port ? { port: opts.port } : {}), ...(opts.log ? { log: opts.log } : {}) })
  return { serverUri: embedded.uri, embedded, postgresqlUrl: embedded.postgresqlUrl, sqliteUrl: embedded.sqliteUrl, stop: () => embedded.stop() }
}
