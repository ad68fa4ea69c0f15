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
