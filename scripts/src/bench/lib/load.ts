import autocannon from 'autocannon'
import { Agent, request } from 'node:http'

export interface LoadResult {
  rps: number
  p50: number
  p99: number
  /** Anything but 2xx, plus socket errors and timeouts: a run with any of these is not a figure. */
  failures: number
  /** Requests answered. */
  total: number
}

/** Fixed-duration closed-loop load from this process (loopback only). */
export async function load(url: string, headers: Record<string, string> = {}, { connections = 10, seconds = 5 } = {}): Promise<LoadResult> {
  const r = await autocannon({ url, headers, connections, duration: seconds, timeout: 10 })
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failures: r.non2xx + r.errors + r.timeouts, total: r.requests.total }
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })

/** One GET over a kept-alive socket; resolves with the status, the time to the last byte in ms, and the body. */
export function timedGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const req = request(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** One multipart/form-data POST (as the widget sends a reply); resolves with the status and the time to the answer's last byte in ms. */
export async function timedPostForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {}
): Promise<{ status: number; ms: number }> {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  const started = process.hrtime.bigint()
  const res = await fetch(url, { method: 'POST', body: form, headers })
  await res.arrayBuffer()
  return { status: res.status, ms: Number(process.hrtime.bigint() - started) / 1e6 }
}
