import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureDatabase, withDatabase } from '@ze/testkit/database'
import { repoRoot, waitForPing } from '@ze/testkit/ferretdb'

export const DEV_DB_NAME = 'zapytaj'
const stateFile = join(repoRoot, '.data', 'demo-state.json')

export interface DemoState {
  pid: number
  mongodbUri: string
  serviceUrl: string
  demoUrl: string
}

export function writeDemoState(state: DemoState): void {
  mkdirSync(join(repoRoot, '.data'), { recursive: true })
  writeFileSync(stateFile, JSON.stringify(state, null, 2))
}

export function clearDemoState(): void {
  rmSync(stateFile, { force: true })
}

/** The development database on a server: the database MONGODB_URI names, else `zapytaj`. */
export function devDatabaseUri(serverUri: string): string {
  const external = process.env.MONGODB_URI
  if (external && new URL(external).pathname.length > 1) return external
  return withDatabase(serverUri, DEV_DB_NAME)
}

function runningDemo(): DemoState | null {
  if (!existsSync(stateFile)) return null
  try {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as DemoState
    process.kill(state.pid, 0)
    return state
  } catch {
    return null
  }
}

/**
 * The database a CLI should use: MONGODB_URI, else the one a running `npm run demo` uses,
 * else the embedded development database started just for this command.
 */
export async function openDevDatabase(): Promise<{ uri: string; close(): Promise<void> }> {
  if (process.env.MONGODB_URI) {
    return { uri: devDatabaseUri(process.env.MONGODB_URI), close: async () => {} }
  }
  const demo = runningDemo()
  if (demo) {
    await waitForPing(demo.mongodbUri, 5000)
    return { uri: demo.mongodbUri, close: async () => {} }
  }
  const db = await ensureDatabase()
  return { uri: devDatabaseUri(db.serverUri), close: () => db.stop() }
}
