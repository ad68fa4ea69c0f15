import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'

// Builds the real console into a temp dir (own process: the build uses the console's Vite,
// the tests run on Vitest's) and holds it to PRODUCT.md §6: initial load ≤ 60 KB gzipped.
const out = mkdtempSync(join(tmpdir(), 'ze-console-size-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

interface Sizes {
  initial: number
  lazy: number
  initialFiles: string[]
  chunks: { file: string; gzip: number; initial: boolean }[]
}

test('initial load (JS + CSS) ≤ 60 KB gzipped, views in lazy chunks', () => {
  const script = join(import.meta.dirname, '../scripts/build.mjs')
  // As `npm run build` makes it: Vitest's NODE_ENV=test would build Preact's development paths in.
  const env = { ...process.env, NODE_ENV: 'production' }
  const raw = execFileSync(process.execPath, [script, '--out', out, '--json'], { encoding: 'utf8', timeout: 90_000, env })
  const sizes = JSON.parse(raw.trim().split('\n').pop() ?? '{}') as Sizes
  expect(sizes.initialFiles.some((f) => f.endsWith('.js'))).toBe(true)
  expect(sizes.initialFiles.some((f) => f.endsWith('.css'))).toBe(true)
  expect(sizes.initial).toBeLessThanOrEqual(60 * 1024)
  // The views are chunks of their own, not part of the initial load.
  expect(sizes.chunks.filter((c) => !c.initial && /QueuePage|CasePage|SignIn/.test(c.file))).toHaveLength(3)
}, 90_000)
