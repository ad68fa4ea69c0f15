import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort, repoRoot, tempDataDir } from '../db/ferretdb.js'
import { startChild, type Child } from '../processes.js'

/**
 * The EICAR test signature alone: freshclam cannot reach its mirrors from the development
 * and CI machines, and tests, CI and the demo need a scanner that finds something known.
 * Production runs freshclam against the official database instead (README, "Malware scanning").
 */
export const testSignatures = join(repoRoot, 'testkit', 'clamav', 'test-signatures.ndb')

export class ScanSetupError extends Error {}

const INSTALL_HINT = 'Install it with: apt-get install -y clamav-daemon (Debian/Ubuntu; the project starts its own clamd, the system service is not needed).'

/** clamd from the PATH or Debian's /usr/sbin (not on a normal user's PATH). */
export function clamdBinary(): string {
  for (const candidate of ['clamd', '/usr/sbin/clamd']) {
    if (spawnSync(candidate, ['--version'], { encoding: 'utf8' }).status === 0) return candidate
  }
  throw new ScanSetupError(`clamd (ClamAV's scanning daemon) was not found. ${INSTALL_HINT}`)
}

/** As root, clamd drops to Debian's `clamav` user (it would otherwise scan as root). */
function unprivilegedUser(): string | null {
  if (process.getuid?.() !== 0) return null
  return spawnSync('id', ['-u', 'clamav'], { encoding: 'utf8' }).status === 0 ? 'clamav' : null
}

export interface RunningClamd {
  /** For the service's CLAMD_URL. */
  url: string
  port: number
  /** The folder holding clamd.conf and the signature database. */
  dir: string
  /** Starts again on the same port (after `stop`, for outage tests). */
  start(): Promise<void>
  stop(): Promise<void>
}

export interface ClamdOptions {
  /**
   * True once clamd answers at `url` (the service's own PING client): the kit starts the
   * daemon, the service owns the protocol, so there is one clamd client and no cycle.
   */
  ready: (url: string) => Promise<boolean>
  port?: number
  /** Where clamd.conf (and the test database) go; a fresh temporary folder by default. */
  dir?: string
  /** A signature database folder (e.g. /var/lib/clamav kept current by freshclam); the EICAR test database by default. */
  databaseDir?: string
  /** Largest stream clamd accepts (its StreamMaxLength); bigger uploads are answered with an error, not a verdict. */
  streamMaxBytes?: number
  log?: (line: string) => void
}

/** Writes a clamd.conf for a loopback TCP port and starts clamd in the foreground; the caller stops it. */
export async function startClamd(opts: ClamdOptions): Promise<RunningClamd> {
  const binary = clamdBinary()
  const port = opts.port ?? (await freePort())
  const dir = opts.dir ?? tempDataDir('ze-clamd-')
  const user = unprivilegedUser()
  const databaseDir = opts.databaseDir ?? join(dir, 'db')
  mkdirSync(dir, { recursive: true })
  if (!opts.databaseDir) {
    mkdirSync(databaseDir, { recursive: true })
    copyFileSync(testSignatures, join(databaseDir, 'test-signatures.ndb'))
  }
  const config = join(dir, 'clamd.conf')
  writeFileSync(
    config,
    [
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${databaseDir}`,
      'Foreground yes',
      `StreamMaxLength ${Math.ceil((opts.streamMaxBytes ?? 512 * 1024 ** 2) / 1024 ** 2)}M`,
      ...(user ? [`User ${user}`] : []),
      ''
    ].join('\n')
  )
  // The unprivileged user must read the configuration and the database (mkdtemp makes 0700 folders).
  if (user) for (const path of [dir, databaseDir]) chmodSync(path, 0o755)

  const url = `tcp://127.0.0.1:${port}`
  const recent: string[] = []
  let child: Child | null = null
  const handle: RunningClamd = {
    url,
    port,
    dir,
    async start() {
      const output = (line: string) => {
        recent.push(line)
        if (recent.length > 20) recent.shift()
        if (/ERROR|WARNING/.test(line)) opts.log?.(`[clamd] ${line}`)
      }
      let exited: number | null | undefined
      child = startChild('clamd', binary, ['--config-file', config], {}, (code) => (exited = code), output)
      const deadline = Date.now() + 60_000
      while (Date.now() < deadline) {
        if (exited !== undefined) throw new ScanSetupError(`clamd exited at start (code ${exited}); is port ${port} free?\n${recent.join('\n')}`)
        if (await opts.ready(url)) return
        await new Promise((r) => setTimeout(r, 200))
      }
      await handle.stop()
      throw new ScanSetupError(`clamd did not answer PING on ${url} within 60 s\n${recent.join('\n')}`)
    },
    async stop() {
      const running = child
      child = null
      await running?.stop()
    }
  }
  await handle.start()
  return handle
}

/** The demo's and tests' clamd data folder, unless a caller picks one. */
export const demoClamdDir = join(repoRoot, '.data', 'clamd')
