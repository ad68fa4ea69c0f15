import { rmSync } from 'node:fs'
import type {} from 'vitest'
import type { TestProject } from 'vitest/node'
import { startClamd } from '@ze/testkit/clamd'
import { clamdAnswers } from '../../src/uploads/clamd.js'

declare module 'vitest' {
  export interface ProvidedContext {
    clamdUrl: string
  }
}

// One real clamd (ClamAV) with the EICAR test database for a test project, like the
// database's global setup; tests that need it pass `clamdUrl` to the app they boot.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const clamd = await startClamd({ ready: clamdAnswers, log: (line) => console.error(line) })
  project.provide('clamdUrl', clamd.url)
  return async () => {
    await clamd.stop()
    rmSync(clamd.dir, { recursive: true, force: true })
  }
}
