import { defineConfig } from 'vitest/config'

// Vitest runs on its own Vite (oxc transformer), the production build on the widget's
// Vite 7 (esbuild): both are told the JSX runtime explicitly so tests and dist agree.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    name: 'widget',
    root: import.meta.dirname,
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000
  }
})
