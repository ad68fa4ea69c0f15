import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { freePort, toolsBin } from '../db/ferretdb.js'

export const MAILPIT_MODULE = 'github.com/axllent/mailpit'
export const MAILPIT_VERSION = 'v1.33.1'
export const mailpitBinary = join(toolsBin, 'mailpit')

export class MailSetupError extends Error {}

/** The module version stamped into the binary by `go install` (Mailpit's own `version` says "dev"). */
function binaryWorks(binary: string): boolean {
  if (!existsSync(binary)) return false
  const res = spawnSync('go', ['version', '-m', binary], { encoding: 'utf8' })
  if (res.status === 0) return new RegExp(`mod\\s+${MAILPIT_MODULE.replaceAll('.', '\\.')}\\s+${MAILPIT_VERSION.replaceAll('.', '\\.')}\\b`).test(res.stdout)
  // Without Go the binary cannot be rebuilt anyway: accept it if it runs.
  return spawnSync(binary, ['--help'], { encoding: 'utf8' }).status === 0
}

/** Installs Mailpit by name with the Go toolchain into the git-ignored `.tools/bin` (like FerretDB). */
export function installMailpit(log: (line: string) => void = console.error, binary = mailpitBinary): string {
  if (binaryWorks(binary)) return binary
  const go = spawnSync('go', ['version'], { encoding: 'utf8' })
  if (go.error || go.status !== 0) {
    throw new MailSetupError(
      'Mailpit (the SMTP catcher of the demo and tests) is not installed and the Go toolchain was not found. Install Go 1.22+ (https://go.dev/dl/).'
    )
  }
  log(`Installing Mailpit ${MAILPIT_VERSION} with Go into ${dirname(binary)} (one time, ~1–3 minutes)…`)
  mkdirSync(dirname(binary), { recursive: true })
  const res = spawnSync('go', ['install', `${MAILPIT_MODULE}@${MAILPIT_VERSION}`], { encoding: 'utf8', env: { ...process.env, GOBIN: dirname(binary) } })
  if (res.error || res.status !== 0) throw new MailSetupError(`go install ${MAILPIT_MODULE}@${MAILPIT_VERSION} failed:\n${res.stderr || res.error?.message}`)
  if (!existsSync(binary)) throw new MailSetupError(`Mailpit was installed but ${binary} is missing`)
  log(`Mailpit ${MAILPIT_VERSION} installed.`)
  return binary
}

export interface MailpitMessage {
  ID: string
  MessageID: string
  Subject: string
  From: { Address: string; Name: string }
  To: Array<{ Address: string; Name: string }>
  Snippet: string
}

export interface MailpitFull extends MailpitMessage {
  Text: string
  HTML: string
  Attachments: unknown[]
}

export interface RunningMailpit {
  smtpPort: number
  httpPort: number
  /** For the service's SMTP_URL. */
  smtpUrl: string
  /** Web UI; the API is under /api/v1. */
  url: string
  stop(): Promise<void>
  /** Starts again on the same ports (messages kept in memory are gone). */
  start(): Promise<void>
  messages(): Promise<MailpitMessage[]>
  message(id: string): Promise<MailpitFull>
  headers(id: string): Promise<Record<string, string[]>>
  clear(): Promise<void>
}

/** Starts Mailpit on the given (or free) local ports; the caller stops it. */
export async function startMailpit(opts: { smtpPort?: number; httpPort?: number; log?: (line: string) => void } = {}): Promise<RunningMailpit> {
  const binary = installMailpit(opts.log)
  const smtpPort = opts.smtpPort ?? (await freePort())
  const httpPort = opts.httpPort ?? (await freePort())
  const url = `http://127.0.0.1:${httpPort}`
  let child: ChildProcess | null = null
  const onParentExit = (): void => {
    child?.kill('SIGTERM')
  }

  const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${url}/api/v1${path}`, init)
    if (!res.ok) throw new Error(`Mailpit ${init?.method ?? 'GET'} ${path} answered ${res.status}`)
    return (res.headers.get('content-type')?.includes('json') ? res.json() : res.text()) as Promise<T>
  }

  const handle: RunningMailpit = {
    smtpPort,
    httpPort,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    url,
    async start() {
      child = spawn(
        binary,
        [
          '--smtp',
          `127.0.0.1:${smtpPort}`,
          '--listen',
          `127.0.0.1:${httpPort}`,
          '--smtp-auth-accept-any',
          '--smtp-auth-allow-insecure',
          '--disable-version-check',
          '--quiet'
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] }
      )
      child.stderr?.on('data', (chunk: Buffer) => opts.log?.(`[mailpit] ${chunk.toString().trim()}`))
      process.once('exit', onParentExit)
      const deadline = Date.now() + 20_000
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new MailSetupError(`Mailpit exited at start (code ${child.exitCode}); are ports ${smtpPort}/${httpPort} free?`)
        try {
          if ((await fetch(`${url}/readyz`)).ok) return
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new MailSetupError(`Mailpit did not become ready on ${url}`)
    },
    async stop() {
      process.removeListener('exit', onParentExit)
      const running = child
      child = null
      if (!running || running.exitCode !== null || running.signalCode !== null) return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => running.kill('SIGKILL'), 5000)
        running.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        running.kill('SIGTERM')
      })
    },
    async messages() {
      return (await api<{ messages: MailpitMessage[] }>('/messages?limit=500')).messages
    },
    message: (id) => api<MailpitFull>(`/message/${encodeURIComponent(id)}`),
    headers: (id) => api<Record<string, string[]>>(`/message/${encodeURIComponent(id)}/headers`),
    async clear() {
      await api('/messages', { method: 'DELETE' })
    }
  }
  await handle.start()
  return handle
}
