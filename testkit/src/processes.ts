import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export interface Child {
  name: string
  process: ChildProcess
  stop(): Promise<void>
}

/**
 * Starts a child process whose output is prefixed (or handed line by line to `output`, for
 * chatty tools), and which the parent can stop cleanly.
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onExit?: (code: number | null) => void,
  output?: (line: string) => void
): Child {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean)
  const prefix = (chunk: Buffer) =>
    lines(chunk)
      .map((l) => `[${name}] ${l}\n`)
      .join('')
  const forward = (stream: NodeJS.WriteStream) => (c: Buffer) => (output ? lines(c).forEach(output) : stream.write(prefix(c)))
  child.stdout?.on('data', forward(process.stdout))
  child.stderr?.on('data', forward(process.stderr))
  let stopping = false
  // Whatever ends the parent — an error, process.exit mid-shutdown — the child goes with it
  // instead of holding its port as an orphan. (A SIGKILLed parent runs no handler at all; the
  // scripts run under plain `node --import tsx`, so no relay process can SIGKILL them.)
  const onParentExit = (): void => {
    child.kill('SIGTERM')
  }
  process.once('exit', onParentExit)
  child.once('exit', (code) => {
    process.removeListener('exit', onParentExit)
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

/** True when nothing listens on the port yet (an earlier run left running would answer in our place). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)))
  })
}
