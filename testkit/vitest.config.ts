import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The workspaces are consumed as TypeScript source in tests (their package exports name the condition).
  resolve: { conditions: ['@ze/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@ze/source', ...defaultServerConditions] } },
  test: {
    name: 'testkit',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/db/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
