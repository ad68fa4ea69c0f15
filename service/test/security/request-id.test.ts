import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'

// Issue 16 finding 7: a client's X-Request-Id was trusted, so anyone could plant ids in our
// logs and problem documents (colliding with real ones, or crafted to mislead an operator).
// Only a trusted proxy (TRUST_PROXY) may name the request.
let direct: FastifyInstance
let proxied: FastifyInstance
beforeAll(async () => {
  direct = await buildTestApp()
  proxied = await buildTestApp({ trustProxy: true })
})
afterAll(async () => {
  await direct.close()
  await proxied.close()
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('X-Request-Id', () => {
  it('is ignored from a client talking to the service directly', async () => {
    const res = await direct.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': 'chosen-by-client-123' } })
    expect(res.headers['x-request-id']).toMatch(UUID)
    expect(res.json().requestId).toBe(res.headers['x-request-id'])
  })

  it('is kept from a trusted proxy when sane, replaced when not', async () => {
    const kept = await proxied.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-req-12345678' } })
    expect(kept.headers['x-request-id']).toBe('lb-req-12345678')
    const replaced = await proxied.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\twith spaces' } })
    expect(replaced.headers['x-request-id']).toMatch(UUID)
  })
})
