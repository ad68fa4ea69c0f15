import { basename } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// The issue's order (entry points first, so the README screenshots show the seeded demo data
// before other tests add their own cases); anything new runs after, by name.
const ORDER = ['demo-host', 'entry-points', 'ask-and-reply', 'case-list', 'access', 'content', 'session', 'keyboard', 'isolation', 'a11y']
const rank = (spec: TestSpecification): number => {
  const i = ORDER.indexOf(basename(spec.moduleId).replace(/\.test\.ts$/, ''))
  return i === -1 ? ORDER.length : i
}

class IssueOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId))
  }
}

// Browser end-to-end tests: one stack (FerretDB + service + demo host) and one Chromium for the
// whole run, started by the global setup; files run one after another against it.
export default defineConfig({
  // @ze/contract is consumed as TypeScript source in tests (its package exports name the condition).
  resolve: { conditions: ['@ze/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@ze/source', ...defaultServerConditions] } },
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    sequence: { sequencer: IssueOrder },
    testTimeout: 60_000,
    hookTimeout: 180_000
  }
})
