import { existsSync } from 'node:fs'

// Debian's Chromium (installed by .ci/run); `npx playwright install` is not used.
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error(`Chromium not found (tried ${candidates.join(', ')}); install it with apt-get install chromium or set CHROMIUM_PATH`)
  return found
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync'
]
