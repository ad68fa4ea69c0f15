import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // @ze/contract is consumed as TypeScript source in tests (its package exports name the condition).
  resolve: { conditions: ['@ze/source', ...defaultClientConditions] },
  // Vitest hands the SSR conditions to Node as --conditions; without `module`, so that Node picks
  // what it picks in production (@opentelemetry/api's `module` build cannot be loaded by Node).
  ssr: { resolve: { conditions: ['@ze/source', ...defaultServerConditions.filter((c) => c !== 'module')] } },
  test: {
    name: 'service',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // One real FerretDB process (or MONGODB_URI) and one real clamd for the whole run; each test file
    // uses its own database so files can run in parallel without sharing state.
    globalSetup: ['test/setup/database.ts', 'test/setup/clamd.ts'],
    testTimeout: 30_000,
    // A test app starts on a fresh database (migrations, index step, FerretDB+PostgreSQL tuning):
    // over a minute at times on a shared 2-core machine at load 30.
    hookTimeout: 120_000
  }
})
