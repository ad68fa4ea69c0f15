import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from './helpers/app.js'
import { TEST_APP } from './helpers/tokens.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('problem details, headers, CORS and docs', () => {
  it('an unknown route is a 404 problem document with a request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope?x=1' })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', instance: '/nope', type: expect.stringMatching(/^urn:/) })
    expect(res.json().requestId).toBe(res.headers['x-request-id'])
  })

  it('answers a request line or headers over the parser limit with a 431 problem, not Fastify’s own JSON (found by Schemathesis)', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const res = await fetch(`${address}/api/v1/suggestions?q=${'x'.repeat(20_000)}`)
    expect(res.status).toBe(431)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await res.json()).toMatchObject({ status: 431, code: 'REQUEST_HEADERS_TOO_LARGE', type: 'urn:zapytaj-eksperta:problem:request-headers-too-large' })
  })

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' })
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['strict-transport-security']).toBeDefined()
  })

  it('answers CORS preflights only for an allowed origin', async () => {
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/v1/me',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' }
      })
    const allowed = await preflight(TEST_APP.allowedOrigins[0]!)
    expect(allowed.headers['access-control-allow-origin']).toBe(TEST_APP.allowedOrigins[0])
    const denied = await preflight('https://evil.example')
    expect(denied.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('lets any origin load the public widget script', async () => {
    const res = await app.inject({ method: 'GET', url: '/widget.js', headers: { origin: 'https://any.example' } })
    expect(res.headers['access-control-allow-origin']).toBe('*')
  })

  it('publishes an OpenAPI document generated from the route schemas, and its UI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/me', '/admin/v1/me']))
    expect(doc.paths['/api/v1/me'].get.responses['200'].content['application/json'].schema.properties.capabilities).toBeDefined()
    const ui = await app.inject({ method: 'GET', url: '/docs/' })
    expect(ui.statusCode).toBe(200)
    expect(ui.body).toContain('swagger')
  })

  it('never leaks internals in a 5xx', async () => {
    const { toProblem } = await import('../src/plugins/app/error-handler.js')
    const body = toProblem(new Error('secret connection string mongodb://user:pw@db'))
    expect(body).toEqual(expect.objectContaining({ status: 500, code: 'INTERNAL' }))
    expect(JSON.stringify(body)).not.toContain('mongodb://')
  })
})
