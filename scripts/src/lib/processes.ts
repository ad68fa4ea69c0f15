import { spawn, type ChildProcess } from 'node:child_process'

export interface Child {
  name: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Starts a child process whose output is prefixed, and which the parent can stop cleanly. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, onExit?: (code: number | null) => void): Child {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}\n`).join('')
  child.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)))
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)))
  let stopping = false
  child.once('exit', (code) => {
    if (!stopping) onExit?.(code)
  })
  return {
    name,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 8000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.kill('SIGTERM')
      })
  }
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}
