// The PostgreSQL cluster under the embedded FerretDB: found (or installed) on the machine,
// initialised in the data folder, owned and run by an unprivileged user, stopped with us.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSetupError } from './errors.js'

export const POSTGRES_DB = 'ferretdb'
const POSTGRES_USER = 'postgres'

function binDirHas(dir: string | undefined): dir is string {
  return !!dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))
}

/** The server binaries (initdb, postgres, pg_isready): `pg_config --bindir`, Debian's versioned dirs, or PATH. */
export function findPostgresBinDir(): string | null {
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  const fromConfig = pgConfig.status === 0 ? pgConfig.stdout.trim() : undefined
  if (binDirHas(fromConfig)) return fromConfig
  for (const root of ['/usr/lib/postgresql', '/usr/pgsql']) {
    if (!existsSync(root)) continue
    // Debian keeps each major version apart (/usr/lib/postgresql/15/bin); take the newest.
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
    for (const v of versions) if (binDirHas(join(root, v, 'bin'))) return join(root, v, 'bin')
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' })
  const onPath = which.status === 0 ? which.stdout.trim().replace(/\/initdb$/, '') : undefined
  return binDirHas(onPath) ? onPath : null
}

/**
 * What a fresh Debian/Ubuntu machine needs (the same step `.ci/run` takes): as root with apt
 * available, install the `postgresql` package. Elsewhere nothing is installed; null.
 */
export function installPostgres(log: (line: string) => void): string | null {
  const isRoot = process.getuid?.() === 0
  if (!isRoot || spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) return null
  log('PostgreSQL not found — installing it with apt-get (one time)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env })
  const res = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'ignore', env })
  return res.status === 0 ? findPostgresBinDir() : null
}

/** Root may not run PostgreSQL: the cluster belongs to `postgres`; anyone else runs it as themselves. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${POSTGRES_USER}:`))
  if (!line) throw new DatabaseSetupError(`running as root, but there is no '${POSTGRES_USER}' user to own the PostgreSQL cluster`)
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

function runSync(binDir: string, cmd: string, args: string[], opts: SpawnSyncOptions = {}): void {
  const res = spawnSync(join(binDir, cmd), args, { encoding: 'utf8', ...runAs(), ...opts })
  if (res.error) throw new DatabaseSetupError(`${cmd} failed: ${res.error.message}`)
  if (res.status !== 0) throw new DatabaseSetupError(`${cmd} ${args.join(' ')} exited with ${res.status}:\n${res.stderr || res.stdout}`)
}

export interface PostgresCluster {
  url: string
  port: number
  dir: string
  start(): Promise<void>
  stop(): Promise<void>
  running(): boolean
}

/**
 * A cluster in `dir` (created on first use) listening on 127.0.0.1:`port` and a socket in `dir`.
 * Authentication is `trust`: the server accepts loopback connections only and is a development
 * and test database; production points MONGODB_URI at its own MongoDB or FerretDB.
 */
export function postgresCluster(binDir: string, dir: string, port: number, opts: { durable: boolean }): PostgresCluster {
  const owner = runAs()
  let child: ChildProcess | null = null
  const url = `postgres://${POSTGRES_USER}@127.0.0.1:${port}/${POSTGRES_DB}`

  const init = (): void => {
    if (existsSync(join(dir, 'PG_VERSION'))) return
    mkdirSync(dir, { recursive: true })
    chmodSync(dir, 0o700)
    if (owner) chownSync(dir, owner.uid, owner.gid)
    runSync(binDir, 'initdb', ['-D', dir, '-U', POSTGRES_USER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions'])
    // Throw-away clusters (tests, benchmarks) skip fsync; the development cluster keeps it.
    const settings = ["listen_addresses = '127.0.0.1'", 'max_connections = 300', 'synchronous_commit = off']
    if (!opts.durable) settings.push('fsync = off', 'full_page_writes = off')
    writeFileSync(join(dir, 'postgresql.auto.conf'), `${settings.join('\n')}\n`)
    if (owner) chownSync(join(dir, 'postgresql.auto.conf'), owner.uid, owner.gid)
  }

  const ready = async (timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (!child || child.exitCode !== null) throw new DatabaseSetupError(`PostgreSQL in ${dir} exited while starting (see FERRETDB_LOG=1)`)
      const res = spawnSync(join(binDir, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-d', 'postgres'])
      if (res.status === 0) return
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new DatabaseSetupError(`PostgreSQL in ${dir} was not ready within ${timeoutMs} ms`)
  }

  return {
    url,
    port,
    dir,
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    async start() {
      init()
      child = spawn(join(binDir, 'postgres'), ['-D', dir, '-p', String(port), '-k', dir], { stdio: ['ignore', 'ignore', 'pipe'], ...owner })
      child.stderr?.on('data', (chunk: Buffer) => {
        if (process.env.FERRETDB_LOG) process.stderr.write(`[postgres] ${chunk}`)
      })
      await ready(30_000)
      const exists = spawnSync(
        join(binDir, 'psql'),
        ['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, '-d', 'postgres', '-tAc', `SELECT 1 FROM pg_database WHERE datname = '${POSTGRES_DB}'`],
        { encoding: 'utf8' }
      )
      if (exists.stdout.trim() !== '1') runSync(binDir, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, POSTGRES_DB])
    },
    async stop() {
      const c = child
      if (!c || c.exitCode !== null || c.signalCode !== null) return
      await new Promise<void>((resolveStop) => {
        const timer = setTimeout(() => c.kill('SIGKILL'), 10_000)
        c.once('exit', () => {
          clearTimeout(timer)
          resolveStop()
        })
        // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
        c.kill('SIGINT')
      })
    }
  }
}
