import { defineConfig } from 'vitest/config'

// One `vitest run` at the top level runs every workspace's suite; each project keeps
// its own environment (node + real database for the service, happy-dom for the widget).
export default defineConfig({
  test: {
    projects: ['testkit/vitest.config.ts', 'service/vitest.config.ts', 'widget/vitest.config.ts', 'console/vitest.config.ts', 'scripts/vitest.config.ts']
  }
})
