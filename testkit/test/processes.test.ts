import { execFileSync } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../src/db/ferretdb.js'
import { portIsFree } from '../src/processes.js'

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('child processes of the demo', () => {
  it('portIsFree tells a taken port from a free one', async () => {
    const server = createServer().listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const { port } = server.address() as AddressInfo
    expect(await portIsFree(port)).toBe(false)
    await new Promise((r) => server.close(r))
    expect(await portIsFree(port)).toBe(true)
  })

  it('a child started with startChild is stopped when its parent exits, even mid-way', async () => {
    // The parent starts a long-sleeping child, prints its pid and exits at once without stopping it.
    const parent = `
      import { startChild } from ${JSON.stringify(join(repoRoot, 'testkit/src/processes.ts'))}
      const child = startChild('sleeper', process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {})
      child.process.once('spawn', () => { console.log(child.process.pid); process.exit(0) })
    `
    const pid = Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', parent], { cwd: repoRoot, encoding: 'utf8' }).trim())
    expect(pid).toBeGreaterThan(0)
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false)
  })
})
