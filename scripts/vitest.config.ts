import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'scripts',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/db/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
