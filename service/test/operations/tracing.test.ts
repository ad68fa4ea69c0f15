import { execFile, type ChildProcess } from 'node:child_process'
import { promisify } from 'node:util'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { authFor } from '../helpers/factories.js'
import { eventually } from '../helpers/eventually.js'
import { startServerProcess } from '../helpers/server-process.js'

// The real server as a child process: the instrumentations must patch `http` and the MongoDB
// driver before they load, which an in-process app cannot guarantee.
const root = new URL('../../../', import.meta.url).pathname

interface OtlpSpan {
  traceId: string
  spanId: string
  name: string
  kind: number
  attributes?: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>
}

const attr = (span: OtlpSpan, key: string) => span.attributes?.find((a) => a.key === key)?.value.stringValue

/** A minimal OTLP/HTTP receiver: keeps every span posted to /v1/traces (JSON encoding). */
function startCollector(): Promise<{ server: Server; url: string; spans: OtlpSpan[] }> {
  const spans: OtlpSpan[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }
        for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans)
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans }))
  )
}

const children: ChildProcess[] = []
const servers: Server[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  for (const server of servers) server.close()
})

describe('OpenTelemetry tracing (issue 17)', () => {
  it('exports the request, its request id and its database calls in one trace; logs carry the trace id', async () => {
    const collector = await startCollector()
    servers.push(collector.server)
    const { url, logs } = await startServerProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200' }, children)

    const res = await fetch(`${url}/api/v1/cases`, { headers: await authFor('chiefOffice') })
    expect(res.status).toBe(200)
    const requestId = res.headers.get('x-request-id')!
    expect(requestId).toBeTruthy()

    const server = await eventually(
      async () => collector.spans.find((s) => s.kind === 2 && attr(s, 'ze.request_id') === requestId),
      20_000,
      `server span with ze.request_id=${requestId}; spans: ${JSON.stringify(collector.spans.map((s) => s.name))}`
    )
    expect(server.name).toBe('GET /api/v1/cases')
    expect(attr(server, 'http.route')).toBe('/api/v1/cases')
    const dbSpans = await eventually(
      async () => {
        const found = collector.spans.filter(
          (s) => s.traceId === server.traceId && s.attributes?.some((a) => a.key === 'db.system' || a.key === 'db.system.name')
        )
        return found.length > 0 && found
      },
      20_000,
      `mongodb spans in trace ${server.traceId}; spans: ${JSON.stringify(collector.spans.map((s) => [s.name, s.traceId]))}`
    )
    expect(dbSpans.length).toBeGreaterThan(0)

    const completed = logs.find((l) => l.reqId === requestId && l.msg === 'request completed')
    expect(completed?.trace_id).toBe(server.traceId)
  }, 150_000)

  it('loads no OpenTelemetry SDK module unless OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    // The entry is the only importer of the SDK setup, and only behind the variable; the rest
    // of the service uses @opentelemetry/api alone, a no-op without an SDK.
    const entry = await readFile(new URL('../../src/server.ts', import.meta.url), 'utf8')
    const code = entry.split('\n').filter((line) => !line.trimStart().startsWith('//'))
    expect(code).toContain("if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) await import('./telemetry/start.js')")
    expect(code.filter((line) => line.includes('import'))).toHaveLength(2)
    const { stdout } = await promisify(execFile)(
      'grep',
      ['-rlE', "from '@opentelemetry/(sdk|exporter|instrumentation|resources)|telemetry/start", 'service/src'],
      { cwd: root }
    )
    expect(stdout.trim().split('\n').sort()).toEqual(['service/src/server.ts', 'service/src/telemetry/start.ts'])
  })
})
