import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_ARGS, chromiumPath } from '@ze/testkit/browser'
import { SCREENSHOT_DIR } from './browser.js'
import { startStack, type StackInfo } from './stack.js'

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: StackInfo & { wsEndpoint: string }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const stack = await startStack()
  let browserServer
  try {
    browserServer = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  } catch (err) {
    await stack.stop()
    throw err
  }
  const { stop, proxy, ...info } = stack
  // One instance here (the two-instance test starts its own stack), so there is no proxy to hand on.
  if (proxy) throw new Error('the shared stack runs one instance')
  project.provide('e2e', { ...info, wsEndpoint: browserServer.wsEndpoint() })
  return async () => {
    await browserServer.close()
    await stop()
  }
}
