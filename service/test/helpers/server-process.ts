import { spawn, type ChildProcess } from 'node:child_process'
import { testDatabaseUri } from './app.js'
import { eventually } from './eventually.js'
import { TEST_APP } from './tokens.js'

const root = new URL('../../../', import.meta.url).pathname

export interface Running {
  child: ChildProcess
  url: string
  mongodbUri: string
  logs: Array<Record<string, unknown>>
  exited: Promise<number | null>
}

/** Starts the real server (service/src/server.ts) as a child process; `children` collects it for the caller to kill. */
export async function startServerProcess(env: Record<string, string>, children: ChildProcess[]): Promise<Running> {
  const mongodbUri = testDatabaseUri()
  const child = spawn(process.execPath, ['--conditions=@ze/source', '--import', 'tsx', 'service/src/server.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      MONGODB_URI: mongodbUri,
      APPS: JSON.stringify([TEST_APP]),
      LOG_LEVEL: 'info',
      OUTBOX_POLL_MS: '100',
      OUTBOX_LEASE_MS: '5000',
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.push(child)
  const logs: Array<Record<string, unknown>> = []
  let rest = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n')
    rest = lines.pop()!
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>)
      } catch {
        logs.push({ msg: line })
      }
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => logs.push({ stderr: chunk.toString() }))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const listening = await eventually(
    async () => logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at')),
    90_000,
    `server listening; log: ${JSON.stringify(logs)}`
  )
  return { child, url: (listening.msg as string).slice('Server listening at '.length), mongodbUri, logs, exited }
}
