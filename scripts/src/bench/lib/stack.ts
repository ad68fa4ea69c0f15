import { randomBytes } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureDatabase, tuningEnv, withDatabase } from '@ze/testkit/database'
import { freePort, repoRoot } from '@ze/testkit/ferretdb'
import { startChild, waitForHttp, type Child } from '@ze/testkit/processes'
import { connectServiceData } from '@ze/service/service-data'
import { tuneFerretDBPostgres } from '@ze/service/db-tuning'
import type { mongo } from 'mongoose'
import { signPersonaToken } from '@ze/testkit/sign-token'
import type { PersonaId } from '@ze/testkit/personas'
import { postmasterPid } from './cpu.js'

export const BENCH_APP_ID = 'bench-app'

export interface BenchDatabase {
  serverUri: string
  /** Empty FerretDB in a temporary folder (or MONGODB_URI's server); stopped and removed afterwards. */
  stop(): Promise<void>
  /** The embedded FerretDB's and its PostgreSQL's processes (none for MONGODB_URI): their CPU time is the database's. */
  pids(): number[]
}

/** The backend under the running benchmark database, handed to every service started for it (its tuning). */
let tuning: Record<string, string> = {}
let postgresqlUrl: string | null = null

export async function startDatabase(): Promise<BenchDatabase> {
  const db = await ensureDatabase({ temporary: true, log: (l) => console.log(`[bench] ${l}`) })
  tuning = tuningEnv(db)
  postgresqlUrl = db.postgresqlUrl
  return {
    serverUri: db.serverUri,
    pids: () => {
      if (!db.embedded) return []
      const postmaster = postmasterPid(join(db.embedded.dataDir, 'postgresql'))
      return [db.embedded.process.pid!, ...(postmaster ? [postmaster] : [])]
    },
    stop: async () => {
      await db.stop()
      if (db.embedded) rmSync(db.embedded.dataDir, { recursive: true, force: true })
    }
  }
}

/**
 * The FerretDB + PostgreSQL tuning (GIN indexes of the hot fields, service/src/db-tuning) on a
 * database written before any service starts (which would apply it itself), so seeding by `_id`
 * upserts is not a scan per write. Nothing to do on MongoDB or SQLite.
 */
export async function tuneBenchDatabase(db: mongo.Db): Promise<void> {
  if (postgresqlUrl) await tuneFerretDBPostgres(postgresqlUrl, db)
}

export interface BenchTenant {
  mongodbUri: string
  appId: string
  secret: string
  expertKey: string
  /** The admin expert behind `expertKey`. */
  expertId: string
  /** An identity token of the persona, or of another user (`sub`) with its role and office. */
  token(persona: PersonaId, sub?: string): Promise<string>
  data: Awaited<ReturnType<typeof connectServiceData>>
}

/** A fresh database with one app and one admin expert, through the service's own repositories. */
export async function prepareTenant(serverUri: string, dbName = `ze_bench_${randomBytes(4).toString('hex')}`): Promise<BenchTenant> {
  const mongodbUri = withDatabase(serverUri, dbName)
  const data = await connectServiceData(mongodbUri)
  const secret = randomBytes(32).toString('base64url')
  await data.apps.upsert({ id: BENCH_APP_ID, name: 'Benchmark host', secret, allowedOrigins: ['http://127.0.0.1'] })
  const { key, expert } = await data.experts.create({ name: 'Bench Expert', email: `bench-${randomBytes(3).toString('hex')}@example.com`, admin: true })
  return {
    mongodbUri,
    appId: BENCH_APP_ID,
    secret,
    expertKey: key,
    expertId: expert.id,
    data,
    token: (persona, sub) => signPersonaToken(persona, secret, 3600, BENCH_APP_ID, sub)
  }
}

export interface RunningProcess {
  url: string
  pid: number
  stop(): Promise<void>
}

function requireBuilt(file: string): string {
  const path = join(repoRoot, file)
  if (!existsSync(path)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run bench does)`)
  return path
}

/**
 * The built service as its own process, as in production. Logging at `warn`: request logs
 * at `info` go through a pipe into this process and would measure the pipe, not the service.
 */
export async function startService(mongodbUri: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  const port = await freePort()
  // BENCH_SERVICE_NODE_ARGS, to look inside a run: e.g. `--trace-gc`, or `--cpu-prof --cpu-prof-dir=/tmp/p`
  // (read the profile with `npm run bench:long-tasks -- <file>`: what held the event loop).
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = startChild('service', process.execPath, [...nodeArgs, requireBuilt('service/dist/server.js')], {
    PORT: String(port),
    HOST: '127.0.0.1',
    MONGODB_URI: mongodbUri,
    ...tuning,
    LOG_LEVEL: 'warn',
    ...env
  })
  return running(child, `http://127.0.0.1:${port}`, '/readyz')
}

/** The bare comparison server (Fastify + the mongodb driver, nothing else), also its own process. */
export async function startBareServer(mongodbUri: string): Promise<RunningProcess> {
  const port = await freePort()
  const child = startChild('bare', process.execPath, ['--conditions=@ze/source', '--import', 'tsx', join(repoRoot, 'scripts/src/bench/bare-server.ts')], {
    PORT: String(port),
    MONGODB_URI: mongodbUri
  })
  return running(child, `http://127.0.0.1:${port}`, '/hello')
}

async function running(child: Child, url: string, readyPath: string): Promise<RunningProcess> {
  try {
    await waitForHttp(`${url}${readyPath}`, 60_000)
  } catch (err) {
    await child.stop()
    throw err
  }
  return { url, pid: child.process.pid!, stop: () => child.stop() }
}
