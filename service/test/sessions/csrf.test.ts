import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, concreteUrl } from '../helpers/app.js'
import { createCase, createExpert } from '../helpers/factories.js'
import { SERVICE_ORIGIN, consoleHeaders, sessionCookie } from './support.js'

let app: FastifyInstance
let cookie: string
beforeAll(async () => {
  app = await buildTestApp({ publicUrl: SERVICE_ORIGIN })
  const { key } = await createExpert(app, { admin: true })
  cookie = await sessionCookie(app, key)
})
afterAll(() => app.close())

// Every way a cross-site page could try to ride on the expert's cookie.
const CROSS_SITE: Array<[string, Record<string, string>]> = [
  ['no Origin, no header (an old-style form post)', {}],
  ['a foreign Origin with the header', { origin: 'https://evil.example', 'x-ze-console': '1' }],
  ['a foreign Origin, cross-site fetch metadata', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
  ['the right Origin but no custom header', { origin: SERVICE_ORIGIN, 'sec-fetch-site': 'same-origin' }],
  ['a sibling site claiming same-site', { origin: SERVICE_ORIGIN, 'x-ze-console': '1', 'sec-fetch-site': 'same-site' }],
  ['Origin "null" (sandboxed frame)', { origin: 'null', 'x-ze-console': '1' }]
]

describe('CSRF defence on cookie-authenticated writes', () => {
  const writes = () => app.routesSeen.filter((r) => r.url.startsWith('/admin/v1') && !['GET', 'OPTIONS'].includes(r.method) && !r.url.startsWith('/admin/v1/session/link'))

  it('every cookie-authenticated write refuses every cross-site request with 403 CSRF_REJECTED', async () => {
    expect(writes().length).toBeGreaterThan(5)
    const failures: string[] = []
    for (const route of writes()) {
      for (const [label, headers] of CROSS_SITE) {
        const res = await app.inject({ method: route.method as 'POST', url: concreteUrl(route.url), headers: { cookie, ...headers }, payload: {} })
        const code = res.statusCode >= 400 ? res.json().code : undefined
        if (res.statusCode !== 403 || code !== 'CSRF_REJECTED') failures.push(`${route.method} ${route.url} (${label}): ${res.statusCode} ${code}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('the console itself (same origin + header) may write', async () => {
    const created = await createCase(app)
    const res = await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${created.case.id}`, headers: { cookie, ...consoleHeaders }, payload: { status: 'resolved' } })
    expect(res.statusCode).toBe(200)
    expect(res.json().case.status).toBe('resolved')
  })

  it('reads need no header (a GET changes nothing)', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/v1/cases', headers: { cookie } })
    expect(res.statusCode).toBe(200)
  })

  it('key-authenticated scripts are not subject to the check', async () => {
    const { key } = await createExpert(app)
    const created = await createCase(app)
    const res = await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${created.case.id}`, headers: { authorization: `Bearer ${key}` }, payload: { status: 'resolved' } })
    expect(res.statusCode).toBe(200)
  })
})
