import { Agent, request } from 'node:http'

export const PROBE_EVERY_MS = 10

/** Polls /healthz on its own socket; the slowest answer bounds how long the loop was held. */
export function probeLoop(url: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  let worst = 0
  let running = true
  const once = () =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint()
      const req = request(`${url}/healthz`, { agent }, (res) => {
        res.resume()
        res.on('end', () => {
          worst = Math.max(worst, Number(process.hrtime.bigint() - started) / 1e6)
          resolve()
        })
      })
      req.on('error', () => resolve())
      req.end()
    })
  const loop = (async () => {
    while (running) {
      await once()
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS))
    }
  })()
  return {
    async stop(): Promise<number> {
      running = false
      await loop
      agent.destroy()
      return worst
    }
  }
}

/** The token the benchmarks start the service with, so they can read its /metrics. */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789'

/**
 * The longest event-loop delay the service itself saw since the previous call: Node's
 * `monitorEventLoopDelay` through prom-client's `nodejs_eventloop_lag_max_seconds`, which
 * prom-client resets on every scrape. Call once before measuring (to reset), once after.
 */
export async function serviceLoopMaxMs(url: string): Promise<number> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`)
  const line = (await res.text()).split('\n').find((l) => l.startsWith('nodejs_eventloop_lag_max_seconds '))
  if (!line) throw new Error('GET /metrics has no nodejs_eventloop_lag_max_seconds')
  return Number(line.split(' ')[1]) * 1000
}
