import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MongoClient } from 'mongodb'
import { DatabaseSetupError } from './errors.js'
import { findPostgresBinDir, installPostgres, postgresCluster, type PostgresCluster } from './postgres.js'

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB'
export const FERRETDB_VERSION = 'v1.24.2'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const toolsBin = join(repoRoot, '.tools', 'bin')
export const ferretdbBinary = join(toolsBin, 'ferretdb')

export { DatabaseSetupError }
export { findPostgresBinDir } from './postgres.js'

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const res = spawnSync(cmd, args, { encoding: 'utf8', ...opts, env: { ...process.env, ...opts.env } })
  if (res.error) throw new DatabaseSetupError(`${cmd} ${args.join(' ')} failed: ${res.error.message}`)
  if (res.status !== 0) {
    throw new DatabaseSetupError(`${cmd} ${args.join(' ')} exited with ${res.status}:\n${res.stderr || res.stdout}`)
  }
  return res.stdout
}

function binaryWorks(binary: string): boolean {
  if (!existsSync(binary)) return false
  const res = spawnSync(binary, ['--version'], { encoding: 'utf8' })
  return res.status === 0 && res.stdout.includes(FERRETDB_VERSION)
}

/**
 * Installs FerretDB into the git-ignored `.tools/bin` with the Go toolchain.
 *
 * Why not a plain `go install …/cmd/ferretdb@v1.24.2`: the module archive served by the Go
 * proxy lacks `build/version/version.txt` (their release pipeline generates it), and a
 * binary built from it panics at start with "Invalid build/version/version.txt file
 * content". So we fetch the very same module by name with `go mod download`, stamp the
 * version file the way their `bin/task gen-version` would, and build `cmd/ferretdb` from it.
 */
export function installFerretDB(
  log: (line: string) => void = console.error,
  { binary = ferretdbBinary, goCommand = 'go' }: { binary?: string; goCommand?: string } = {}
): string {
  if (binaryWorks(binary)) return binary
  const go = spawnSync(goCommand, ['version'], { encoding: 'utf8' })
  if (go.error || go.status !== 0) {
    throw new DatabaseSetupError(
      'FerretDB (the embedded development database) is not installed and the Go toolchain was not found.\n' +
        'Install Go 1.22+ (https://go.dev/dl/) so the project can build FerretDB itself, ' +
        'or set MONGODB_URI to a MongoDB server you already run (e.g. mongodb://127.0.0.1:27017/zapytaj).'
    )
  }
  log(`Installing FerretDB ${FERRETDB_VERSION} with Go into ${dirname(binary)} (one time, ~1–3 minutes)…`)
  const info = JSON.parse(run(goCommand, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`])) as { Dir?: string }
  if (!info.Dir) throw new DatabaseSetupError('go mod download did not report a module directory')
  const work = mkdtempSync(join(tmpdir(), 'ferretdb-src-'))
  try {
    const src = join(work, 'src')
    cpSync(info.Dir, src, { recursive: true })
    chmodRecursive(src)
    writeFileSync(join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`)
    mkdirSync(dirname(binary), { recursive: true })
    run(goCommand, ['build', '-buildvcs=false', '-o', binary, './cmd/ferretdb'], { cwd: src, env: { GOFLAGS: '-mod=mod' } })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  if (!binaryWorks(binary)) throw new DatabaseSetupError(`FerretDB was built at ${binary} but does not run`)
  log(`FerretDB ${FERRETDB_VERSION} installed.`)
  return binary
}

function chmodRecursive(dir: string): void {
  // The Go module cache is read-only; the copy must be writable to add version.txt.
  spawnSync('chmod', ['-R', 'u+w', dir])
  chmodSync(dir, 0o755)
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))))
    })
  })
}

export async function waitForPing(uri: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 })
    try {
      await client.connect()
      await client.db('admin').command({ ping: 1 })
      return
    } catch (err) {
      lastError = err
      await new Promise((r) => setTimeout(r, 200))
    } finally {
      await client.close().catch(() => {})
    }
  }
  throw new DatabaseSetupError(`database at ${uri} did not answer ping within ${timeoutMs} ms: ${String(lastError)}`)
}

export type FerretDBBackend = 'postgresql' | 'sqlite'

export interface RunningFerretDB {
  uri: string
  port: number
  dataDir: string
  backend: FerretDBBackend
  /** The PostgreSQL database under FerretDB (null on SQLite); the service tunes it (FERRETDB_POSTGRESQL_URL). */
  postgresqlUrl: string | null
  /** FerretDB's --sqlite-url on SQLite (null on PostgreSQL); the service tunes it (FERRETDB_SQLITE_URL). */
  sqliteUrl: string | null
  /** The FerretDB process (the outage tests kill it). */
  process: ChildProcess
  /** Stops FerretDB and the PostgreSQL under it. */
  stop(): Promise<void>
  /** Starts whatever is down again, same data and ports (for outage tests). */
  restart(): Promise<void>
}

export interface StartOptions {
  port?: number
  dataDir: string
  log?: (line: string) => void
  /** Default: PostgreSQL; FERRETDB_HANDLER=sqlite picks SQLite. */
  backend?: FerretDBBackend
  /** Keep fsync on (the development database); throw-away clusters skip it. */
  durable?: boolean
}

/** PostgreSQL when it is on the machine or can be installed; otherwise SQLite, said out loud. */
function pickPostgres(opts: StartOptions, log: (line: string) => void): string | null {
  const wanted = opts.backend ?? (process.env.FERRETDB_HANDLER === 'sqlite' ? 'sqlite' : 'postgresql')
  if (wanted === 'sqlite') return null
  const binDir = findPostgresBinDir() ?? installPostgres(log)
  if (!binDir) {
    log(
      'WARNING: PostgreSQL was not found, so the embedded FerretDB falls back to its SQLite backend, which ' +
        'scans every document for most queries (slow beyond a few thousand cases). Install PostgreSQL ' +
        '(Debian/Ubuntu: sudo apt-get install postgresql) or set MONGODB_URI.'
    )
  }
  return binDir
}

export async function startFerretDB(opts: StartOptions): Promise<RunningFerretDB> {
  const log = opts.log ?? console.error
  const binary = installFerretDB(log)
  const pgBinDir = pickPostgres(opts, log)
  const port = opts.port ?? (await freePort())
  mkdirSync(opts.dataDir, { recursive: true })
  // The cluster's owner must be able to reach its folder inside ours (mkdtemp makes 0700 folders).
  chmodSync(opts.dataDir, 0o711)
  const pg: PostgresCluster | null = pgBinDir
    ? postgresCluster(pgBinDir, join(opts.dataDir, 'postgresql'), await freePort(), { durable: opts.durable ?? false })
    : null
  const uri = `mongodb://127.0.0.1:${port}/`
  const startAll = async (): Promise<ChildProcess> => {
    if (pg && !pg.running()) await pg.start()
    return launch(binary, port, opts.dataDir, pg?.url ?? null)
  }
  let child = await startAll()
  const onParentExit = (): void => {
    child.kill('SIGTERM')
    // PostgreSQL's fast shutdown; a synchronous signal is all an exit hook can do.
    if (pg?.running()) void pg.stop()
  }
  process.once('exit', onParentExit)

  const handle: RunningFerretDB = {
    uri,
    port,
    dataDir: opts.dataDir,
    backend: pg ? 'postgresql' : 'sqlite',
    postgresqlUrl: pg?.url ?? null,
    sqliteUrl: pg ? null : sqliteUrlOf(opts.dataDir),
    get process() {
      return child
    },
    async stop() {
      process.removeListener('exit', onParentExit)
      await stopChild(child)
      await pg?.stop()
    },
    async restart() {
      await stopChild(child)
      child = await startAll()
      process.removeListener('exit', onParentExit)
      process.once('exit', onParentExit)
      await waitForPing(uri)
    }
  }
  try {
    await waitForPing(uri)
  } catch (err) {
    await handle.stop()
    throw err
  }
  return handle
}

const sqliteUrlOf = (dataDir: string): string => `file:${dataDir}/`

function launch(binary: string, port: number, dataDir: string, postgresqlUrl: string | null): ChildProcess {
  // FerretDB binds field names as parameters, so a cached generic plan can never use an
  // expression index; every session it opens asks for custom plans (the service's tuning also
  // sets this on the database, which reaches only sessions opened after it). A session FerretDB
  // leaves idle in an aborted transaction is ended after 10 s, so its locks cannot stall every
  // later write of the same key (FERRETDB_SESSION_SETTINGS in service/src/db-tuning says why).
  const backend = postgresqlUrl
    ? ['--handler=postgresql', `--postgresql-url=${postgresqlUrl}?plan_cache_mode=force_custom_plan&idle_in_transaction_session_timeout=10s`]
    : ['--handler=sqlite', `--sqlite-url=${sqliteUrlOf(dataDir)}`]
  const child = spawn(
    binary,
    [...backend, `--state-dir=${dataDir}`, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=', '--telemetry=disable', '--log-level=ERROR'],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  )
  child.stderr?.on('data', (chunk: Buffer) => {
    if (process.env.FERRETDB_LOG) process.stderr.write(`[ferretdb] ${chunk}`)
  })
  return child
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolveStop()
    })
    child.kill('SIGTERM')
  })
}

/** A fresh temporary data folder, for tests. */
export function tempDataDir(prefix = 'ze-ferretdb-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
