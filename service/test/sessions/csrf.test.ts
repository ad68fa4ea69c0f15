import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, concreteUrl, type RouteSeen } from '../helpers/app.js'
import { createCase, createExpert } from '../helpers/factories.js'
import { TEST_APP } from '../helpers/tokens.js'
import { SERVICE_ORIGIN, consoleHeaders, sessionCookie } from './support.js'

let app: FastifyInstance
let key: string
let cookie: string
beforeAll(async () => {
  app = await buildTestApp({ publicUrl: SERVICE_ORIGIN })
  ;({ key } = await createExpert(app, { admin: true }))
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

/**
 * Every route under /admin/v1 from the app's own route table, so a route added later is
 * covered without touching this file. The sign-in link routes take no credentials at all.
 */
const adminRoutes = (): RouteSeen[] =>
  app.routesSeen.filter((r) => r.url.startsWith('/admin/v1/') && r.method !== 'OPTIONS' && !r.url.startsWith('/admin/v1/session/link'))
const writes = (): RouteSeen[] => adminRoutes().filter((r) => r.method !== 'GET')

describe('CSRF defence on cookie-authenticated writes', () => {
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

  it('every cookie-authenticated write from the console itself (same origin + header) gets past the check', async () => {
    const refused: string[] = []
    for (const route of writes()) {
      // A session of its own per route: DELETE /admin/v1/session ends the one it is sent with.
      const own = await sessionCookie(app, key)
      const res = await app.inject({ method: route.method as 'POST', url: concreteUrl(route.url), headers: { cookie: own, ...consoleHeaders }, payload: {} })
      const code = res.statusCode >= 400 ? res.json().code : undefined
      // Any answer from the route itself (404 for the made-up id, 400 for the empty body…) is fine; the auth hook must not refuse.
      if (res.statusCode >= 500 || ['CSRF_REJECTED', 'EXPERT_SESSION_INVALID'].includes(code))
        refused.push(`${route.method} ${route.url}: ${res.statusCode} ${code}`)
    }
    expect(refused).toEqual([])
  })

  it('the console itself (same origin + header) may write', async () => {
    const created = await createCase(app)
    const res = await app.inject({
      method: 'PATCH',
      url: `/admin/v1/cases/${created.case.id}`,
      headers: { cookie, ...consoleHeaders },
      payload: { status: 'resolved' }
    })
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
    const res = await app.inject({
      method: 'PATCH',
      url: `/admin/v1/cases/${created.case.id}`,
      headers: { authorization: `Bearer ${key}` },
      payload: { status: 'resolved' }
    })
    expect(res.statusCode).toBe(200)
  })
})

describe('/admin/v1 answers no CORS', () => {
  // Even a registered host app's origin, which /api/v1 does answer, gets nothing from /admin/v1.
  const origins = [TEST_APP.allowedOrigins[0]!, 'https://evil.example']

  it('no preflight of any admin route is approved, for any origin', async () => {
    const approved: string[] = []
    for (const route of adminRoutes()) {
      for (const origin of origins) {
        const res = await app.inject({
          method: 'OPTIONS',
          url: concreteUrl(route.url),
          headers: { origin, 'access-control-request-method': route.method, 'access-control-request-headers': 'content-type, x-ze-console' }
        })
        const allow = Object.keys(res.headers).filter((h) => h.startsWith('access-control-allow-'))
        if (allow.length) approved.push(`${route.method} ${route.url} from ${origin}: ${allow.join(', ')}`)
      }
    }
    expect(adminRoutes().length).toBeGreaterThan(10)
    expect(approved).toEqual([])
  })

  it('cookie-authenticated answers carry no CORS headers, so a foreign page cannot read them', async () => {
    for (const origin of origins) {
      const res = await app.inject({ method: 'GET', url: '/admin/v1/cases', headers: { cookie, origin } })
      expect(res.statusCode).toBe(200)
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
  })

  it('control: the same preflight to /api/v1 is approved for the host app, so the check above can fail', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/cases',
      headers: { origin: TEST_APP.allowedOrigins[0]!, 'access-control-request-method': 'POST' }
    })
    expect(res.headers['access-control-allow-origin']).toBe(TEST_APP.allowedOrigins[0])
  })
})
