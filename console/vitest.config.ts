import { defineConfig } from 'vitest/config'

// Component tests in happy-dom, as the widget's; the JSX runtime is named explicitly so the
// tests and the production build agree. @ze/contract is imported for types only.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    name: 'console',
    root: import.meta.dirname,
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000
  }
})
