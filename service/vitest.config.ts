import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'service',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // One real FerretDB process (or MONGODB_URI) for the whole run; each test file
    // uses its own database so files can run in parallel without sharing state.
    globalSetup: ['../scripts/src/db/vitest-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
