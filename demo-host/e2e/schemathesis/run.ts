// npm run test:schemathesis — Schemathesis, an independent property-based tester, against the
// running stack: /api/v1 with a chief's identity token, /admin/v1 with an expert key. Exits
// non-zero on any failure. Schemathesis is a Python tool: it is installed once into the
// git-ignored .tools/schemathesis (a venv), pinned, from PyPI.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '@ze/testkit/ferretdb'
import { signPersonaToken } from '@ze/testkit/sign-token'
import { startStack } from '../stack.js'

const SCHEMATHESIS = 'schemathesis==4.32.5'
const venv = join(repoRoot, '.tools', 'schemathesis')
const st = join(venv, 'bin', 'st')
const config = join(import.meta.dirname, 'schemathesis.toml')

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.error) throw result.error
  return result.status ?? 1
}

function installSchemathesis(): void {
  if (existsSync(st) && spawnSync(st, ['--version'], { encoding: 'utf8' }).stdout?.includes(SCHEMATHESIS.split('==')[1]!)) return
  console.log(`[schemathesis] installing ${SCHEMATHESIS} into ${venv}`)
  if (run('python3', ['-m', 'venv', venv]) !== 0) throw new Error('python3 -m venv failed (Debian: apt-get install -y python3-venv)')
  if (run(join(venv, 'bin', 'pip'), ['install', '--quiet', SCHEMATHESIS]) !== 0) throw new Error(`pip install ${SCHEMATHESIS} failed`)
}

installSchemathesis()
// Rate limits are proved by their own tests; here they would only hide the logic behind 429s.
const wide = { max: '100000', window: '1000' }
const stack = await startStack({
  tokenTtlSeconds: 3600,
  serviceEnv: {
    FORUM_POST_RATE_MAX: wide.max,
    FORUM_POST_RATE_WINDOW_MS: wide.window,
    FORUM_REPORT_RATE_MAX: wide.max,
    FORUM_REPORT_RATE_WINDOW_MS: wide.window,
    CASE_CREATE_RATE_MAX: wide.max,
    CASE_CREATE_RATE_WINDOW_MS: wide.window,
    CASE_REPLY_RATE_MAX: wide.max,
    CASE_REPLY_RATE_WINDOW_MS: wide.window,
    SUGGEST_RATE_MAX: wide.max,
    SUGGEST_RATE_WINDOW_MS: wide.window
  }
})
let failed = 0
try {
  const chief = await signPersonaToken('chief-office', stack.appSecret, 3600)
  const schema = `${stack.serviceUrl}/docs/json`
  const common = ['--config-file', config, 'run', schema, '--url', stack.serviceUrl]
  // The event streams never end by design; the SSE tests of the service cover them.
  const noStreams = ['--exclude-path-regex', '/events$']
  console.log('[schemathesis] /api/v1 as the office chief')
  failed += run(st, [...common, ...noStreams, '--include-path-regex', '^/api/v1/', '-H', `Authorization: Bearer ${chief}`]) === 0 ? 0 : 1
  console.log('[schemathesis] /admin/v1 with an expert key')
  // Signing out would end the key's own session handling for later cases; sign-in links are
  // rate-limited per address and mail real messages — both have their own tests.
  const adminSkips = ['--exclude-path-regex', '/events$|^/admin/v1/session']
  failed += run(st, [...common, ...adminSkips, '--include-path-regex', '^/admin/v1/', '-H', `Authorization: Bearer ${stack.expertKey}`]) === 0 ? 0 : 1
} finally {
  await stack.stop()
}
process.exit(failed ? 1 : 0)
