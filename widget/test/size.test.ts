import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'

// Builds the real bundle into a temp dir (own process: the build uses the widget's Vite 7,
// the tests run on Vitest's Vite) and holds it to docs/requirements.md Q-size.
const out = mkdtempSync(join(tmpdir(), 'ze-widget-size-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

interface Sizes {
  loader: number
  core: number
  initial: number
  lazy: number
  chunks: { file: string; gzip: number }[]
}

test('initial script ≤ 15 KB and lazy chunks ≤ 40 KB gzipped', () => {
  const script = join(import.meta.dirname, '../scripts/build.mjs')
  // Measured as `npm run build` makes it: Vitest sets NODE_ENV=test, which would build
  // Preact's development paths in and measure a bundle nobody is served (about 0.5 KB more).
  const env = { ...process.env, NODE_ENV: 'production' }
  const raw = execFileSync(process.execPath, [script, '--out', out, '--json'], { encoding: 'utf8', timeout: 60_000, env })
  const sizes = JSON.parse(raw.trim().split('\n').pop() ?? '{}') as Sizes
  expect(sizes.loader).toBeGreaterThan(0)
  expect(sizes.core).toBeGreaterThan(0)
  expect(sizes.initial).toBeLessThanOrEqual(15 * 1024)
  expect(sizes.lazy).toBeLessThanOrEqual(40 * 1024)
}, 60_000)
