// The built service as `npm run demo` and the browser suite run it: one instance, or several on
// the one database behind the round-robin proxy (TRUST_PROXY on, as behind a real load balancer).
import { join } from 'node:path'
import { repoRoot } from '../db/ferretdb.js'
import { startChild, waitForHttp, type Child } from '../processes.js'
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin.js'

export interface ServiceInstances {
  /** What clients use: the one instance, or the proxy. */
  url: string
  instanceUrls: string[]
  proxy: RoundRobinProxy | null
}

/**
 * Starts one service per port with `env` (children go into `children` at once, so the caller's
 * clean-up stops them even when start-up fails) and waits until each is ready. They start
 * together, as in a rolling deploy: the migration lease lets one of them migrate.
 */
export async function startServiceInstances(opts: {
  ports: number[]
  env: NodeJS.ProcessEnv
  children: Child[]
  died: (name: string) => (code: number | null) => void
  /** The proxy's port when there are several instances (default: any free one). */
  proxyPort?: number
}): Promise<ServiceInstances> {
  const several = opts.ports.length > 1
  for (const [i, port] of opts.ports.entries()) {
    const name = several ? `service-${i + 1}` : 'service'
    const env = { HOST: '127.0.0.1', ...opts.env, PORT: String(port), ...(several ? { TRUST_PROXY: 'true' } : {}) }
    opts.children.push(startChild(name, process.execPath, [join(repoRoot, 'service/dist/server.js')], env, opts.died(name)))
  }
  const instanceUrls = opts.ports.map((port) => `http://127.0.0.1:${port}`)
  await Promise.all(instanceUrls.map((url) => waitForHttp(`${url}/readyz`, 120_000)))
  const proxy = several ? await startRoundRobinProxy({ upstreams: instanceUrls, ...(opts.proxyPort ? { port: opts.proxyPort } : {}) }) : null
  return { url: proxy?.url ?? instanceUrls[0]!, instanceUrls, proxy }
}
