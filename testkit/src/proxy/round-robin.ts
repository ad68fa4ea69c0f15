// A small load balancer for running several service instances on one machine (`npm run demo --
// --instances 2`, the two-instance browser test). Node's own http streams both ways, so event
// streams and multipart uploads pass through as they arrive; it does what docs/deploy.md asks of
// a real balancer: X-Forwarded-For/-Proto/-Host overwritten (never appended to) and a request id.
import { randomUUID } from 'node:crypto'
import { Agent, createServer, request as forward, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Forwarded {
  method: string
  path: string
  /** Index into `upstreams`. */
  instance: number
  status: number
}

export interface RoundRobinProxy {
  url: string
  upstreams: string[]
  /** The most recent forwarded requests, oldest first (bounded), so a test can see who served what. */
  forwarded: Forwarded[]
  close(): Promise<void>
}

/** Hop-by-hop headers belong to one connection (RFC 9110 §7.6.1); Node frames each side itself. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'])
const KEEP = 1000

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)))
}

export async function startRoundRobinProxy(opts: { upstreams: string[]; port?: number; host?: string }): Promise<RoundRobinProxy> {
  const upstreams = opts.upstreams.map((u) => new URL(u))
  const agent = new Agent({ keepAlive: true })
  const forwarded: Forwarded[] = []
  let next = 0
  const server = createServer((req, res) => {
    const instance = next++ % upstreams.length
    const target = upstreams[instance]!
    const headers = endToEnd(req.headers)
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? ''
    headers['x-forwarded-proto'] = 'http'
    headers['x-forwarded-host'] = req.headers.host ?? ''
    headers['x-request-id'] = randomUUID()
    const upstream = forward({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      forwarded.push({ method: req.method ?? '', path: req.url ?? '', instance, status: answer.statusCode ?? 0 })
      if (forwarded.length > KEEP) forwarded.shift()
      res.writeHead(answer.statusCode ?? 502, { ...endToEnd(answer.headers), 'x-served-by': `instance-${instance + 1}` })
      // An event stream's headers go out now, not with its first event.
      res.flushHeaders()
      answer.pipe(res)
    })
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream unavailable')
      else res.destroy()
    })
    // A browser that navigates away ends its stream here; the instance must see it too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    upstreams: opts.upstreams,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      })
  }
}
