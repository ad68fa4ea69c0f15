import { rmSync } from 'node:fs'
import type {} from 'vitest'
import type { TestProject } from 'vitest/node'
import { ensureDatabase } from './database.js'

declare module 'vitest' {
  export interface ProvidedContext {
    mongoServerUri: string
    /** PostgreSQL under the embedded FerretDB ('' on MongoDB or SQLite). */
    postgresqlUrl: string
    /** FerretDB's --sqlite-url when the embedded FerretDB runs on SQLite ('' otherwise). */
    sqliteUrl: string
  }
}

// Starts one real database for a test project (FerretDB on PostgreSQL in a fresh temporary
// folder, or the server named by MONGODB_URI) and tears it down afterwards.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await ensureDatabase({ temporary: true })
  project.provide('mongoServerUri', db.serverUri)
  project.provide('postgresqlUrl', db.postgresqlUrl ?? '')
  project.provide('sqliteUrl', db.sqliteUrl ?? '')
  return async () => {
    await db.stop()
    if (db.embedded) rmSync(db.embedded.dataDir, { recursive: true, force: true })
  }
}
