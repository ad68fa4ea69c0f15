import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from './helpers/app.js'
import { authFor, createCase, freshChief } from './helpers/factories.js'

// Scrapes the real /metrics after real requests on the real database.
const TOKEN = 'metrics-token-0123456789abcdef'
let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ metricsToken: TOKEN, suggestRateMax: 1 })
})
afterAll(() => app?.close())

const scrape = async () => {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
  return res.body
}
const value = (body: string, series: string): number => {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `))
  expect(line, `${series} in the scrape`).toBeDefined()
  return Number(line!.slice(series.length + 1))
}

it('is not there without the token, or with a wrong one (404 like any unknown path)', async () => {
  expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404)
  expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } })).statusCode).toBe(404)
})

it('counts requests by route and status, database commands, open cases by age, uploads, rate-limit rejections and the outbox', async () => {
  const chief = freshChief()
  await app.inject({ method: 'GET', url: '/healthz' })
  await app.inject({ method: 'GET', url: '/healthz' })
  await createCase(app, chief, { files: [{ name: 'a.txt', data: 'x'.repeat(2000), type: 'text/plain' }] })
  const headers = await authFor(chief)
  await app.inject({ method: 'GET', url: '/api/v1/suggestions?q=faktura', headers })
  const limited = await app.inject({ method: 'GET', url: '/api/v1/suggestions?q=faktura', headers })
  expect(limited.statusCode).toBe(429)

  const body = await scrape()
  expect(value(body, 'ze_http_requests_total{method="GET",route="/healthz",status_code="200"}')).toBe(2)
  expect(value(body, 'ze_http_requests_total{method="POST",route="/api/v1/cases",status_code="201"}')).toBe(1)
  expect(value(body, 'ze_http_request_duration_seconds_count{method="POST",route="/api/v1/cases",status_code="201"}')).toBe(1)
  expect(value(body, 'ze_rate_limit_rejections_total{route="/api/v1/suggestions"}')).toBe(1)
  expect(value(body, 'ze_upload_bytes_total')).toBeGreaterThan(2000)
  expect(value(body, 'ze_db_command_duration_seconds_count{command="insert",outcome="ok"}')).toBeGreaterThan(0)
  expect(value(body, 'ze_open_cases{age_le="1h"}')).toBeGreaterThanOrEqual(1)
  expect(value(body, 'ze_open_cases{age_le="+Inf"}')).toBeGreaterThanOrEqual(value(body, 'ze_open_cases{age_le="1h"}'))
  expect(value(body, 'ze_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0)
  expect(value(body, 'ze_sse_connections')).toBe(0)
  expect(body).toContain('# TYPE ze_http_request_duration_seconds histogram')
  expect(body).toContain('process_resident_memory_bytes')
  // Prometheus conventions: snake_case names with the ze_ prefix, counters end in _total.
  for (const [, name, type] of body.matchAll(/^# TYPE (ze_\w+) (\w+)$/gm)) {
    expect(name).toMatch(/^ze_[a-z0-9_]+$/)
    if (type === 'counter') expect(name).toMatch(/_total$/)
  }
})
