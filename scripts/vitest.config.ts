import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // @ze/contract is consumed as TypeScript source in tests (its package exports name the condition).
  resolve: { conditions: ['@ze/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@ze/source', ...defaultServerConditions] } },
  test: {
    name: 'scripts',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/setup/database.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
