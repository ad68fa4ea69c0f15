import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { errorCodes, errorRegistry } from '@ze/contract'
import { buildTestApp } from '../helpers/app.js'

// The registry, the OpenAPI document and the clients must name the same error codes: the
// widget once listed a code the service never sent (TOKEN_INVALID).
const repoRoot = join(import.meta.dirname, '../../..')
const CLIENT_ONLY = new Set(['NETWORK', 'TIMEOUT', 'ABORTED', 'UNKNOWN'])
// Codes the widget already explains but the service does not send yet. Each must leave this
// list when it enters the registry (ATTACHMENT_INFECTED and STORAGE_QUOTA_EXCEEDED have).
const NOT_YET_REGISTERED = new Set<string>([])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}
const text = (files: string[]): string => files.map((file) => readFileSync(file, 'utf8')).join('\n')
// Code-like string literals: upper case with at least one underscore (single-word codes such as
// CONFLICT are checked from the registry side).
const codeLiterals = (files: string[]): Set<string> => new Set([...text(files).matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)].map((m) => m[1]!))

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

it('every error response in the OpenAPI document is a Problem whose code is exactly the registry', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  let checked = 0
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    if (!/^\/(api|admin)\/v1\//.test(path)) continue
    for (const [method, op] of Object.entries(methods)) {
      for (const status of ['4XX', '5XX']) {
        const media = op.responses[status]?.content
        expect(media, `${method} ${path} ${status}`).toBeDefined()
        // The media type the error handler really serves (RFC 9457), not application/json.
        expect(Object.keys(media), `${method} ${path} ${status}`).toEqual(['application/problem+json'])
        const schema = media['application/problem+json'].schema
        expect(schema.properties.code.enum, `${method} ${path}`).toEqual(errorCodes)
        checked++
      }
    }
  }
  expect(checked).toBeGreaterThan(60)
  const refused = await app.inject({ method: 'GET', url: '/api/v1/me' })
  expect(refused.statusCode).toBe(401)
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/)
})

it('the service produces every registered code, and names no other', () => {
  const service = text(sources(join(repoRoot, 'service/src')))
  for (const code of errorCodes) expect(service.includes(`'${code}'`), `${code} is registered but never produced`).toBe(true)
  const registered = new Set<string>(errorCodes)
  const unknown = [...codeLiterals(sources(join(repoRoot, 'service/src')))].filter((c) => !registered.has(c) && !/^(FST|ERR|HPE)_/.test(c))
  expect(unknown).toEqual([])
  expect(errorCodes.every((code) => errorRegistry[code].status >= 400)).toBe(true)
})

it('the widget and the demo host only name codes of the registry (or the widget’s own client-side ones)', () => {
  const registered = new Set<string>(errorCodes)
  const widget = [...codeLiterals(sources(join(repoRoot, 'widget/src')))].filter((c) => !registered.has(c) && !CLIENT_ONLY.has(c))
  expect(widget.filter((c) => !NOT_YET_REGISTERED.has(c))).toEqual([])
  expect(
    [...NOT_YET_REGISTERED].filter((c) => registered.has(c)),
    'registered now: remove from NOT_YET_REGISTERED'
  ).toEqual([])
  const demoHost = [...codeLiterals([join(repoRoot, 'demo-host/src/app.ts')])].filter((c) => !registered.has(c))
  expect(demoHost).toEqual(['UNKNOWN_PERSONA'])
})
