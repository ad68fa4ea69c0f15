import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // @ze/contract is consumed as TypeScript source in tests (its package exports name the condition).
  resolve: { conditions: ['@ze/source', ...defaultClientConditions] },
  // Vitest hands the SSR conditions to Node as --conditions; without `module`, so that Node picks
  // what it picks in production (@opentelemetry/api's `module` build cannot be loaded by Node).
  ssr: { resolve: { conditions: ['@ze/source', ...defaultServerConditions.filter((c) => c !== 'module')] } },
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
