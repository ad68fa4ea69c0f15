import { defineConfig } from 'vitest/config'

// Tests and the production build both run on Vite 7 (esbuild); the JSX runtime is named
// explicitly so they agree.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    name: 'widget',
    root: import.meta.dirname,
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000
  }
})
