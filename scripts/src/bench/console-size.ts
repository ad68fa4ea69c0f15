import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '@ze/testkit/ferretdb'
import { BUDGET_INITIAL, measure } from '@ze/console/build'
import { fmt, type SetResult } from './lib/results.js'
import { machine } from './lib/machine.js'

/** The expert console's built files, measured as console/test/size.test.ts holds them (gzip -9). */
export async function consoleSizeBench(): Promise<SetResult> {
  const started = Date.now()
  const at = machine()
  const dist = join(repoRoot, 'console', 'dist')
  if (!existsSync(join(dist, 'index.html'))) throw new Error('console/dist is missing: run `npm run build` first (npm run bench does)')
  const m = measure(dist)
  return {
    set: 'console',
    title: '8. Expert console size (gzip -9)',
    machine: at,
    durationSeconds: (Date.now() - started) / 1000,
    figures: [
      {
        name: 'initial load: what index.html loads (JS and CSS)',
        value: fmt.kb(m.initial),
        target: `≤ ${fmt.kb(BUDGET_INITIAL)}`,
        met: m.initial <= BUDGET_INITIAL
      },
      { name: 'lazily loaded views together (sign-in, queue, case)', value: fmt.kb(m.lazy) }
    ],
    rounds: m.chunks.map((c) => `${c.file}: ${fmt.kb(c.gzip)}${c.initial ? ' (initial)' : ''}`),
    notes: [
      'Sizes are deterministic for a given build. The initial load is the entry module and stylesheet index.html names; each view is a chunk fetched when first shown.'
    ]
  }
}
