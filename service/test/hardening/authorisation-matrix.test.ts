import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { injectHangingUpOnStream } from '../helpers/sse.js'
import { bearer, personas, signToken } from '../helpers/tokens.js'
import { buildFixtures, requestFor, type Fixtures } from './support/matrix-fixtures.js'

// Every /api/v1 and /admin/v1 route × every caller × own and other resources.
// Targets: A, B, C = resources of office A (chief's own office), B (another office) and C
// (the inactive-package chief's office); for POST /api/v1/cases the target is the entry point.
// Cells: a bare status, or an abbreviation for status + code (legend below).
const CODES: Record<string, [number, string]> = {
  TX: [401, 'TOKEN_MISSING'],
  TM: [401, 'TOKEN_MALFORMED'],
  TE: [401, 'TOKEN_EXPIRED'],
  KX: [401, 'EXPERT_KEY_MISSING'],
  KI: [401, 'EXPERT_KEY_INVALID'],
  OC: [403, 'ONLY_OFFICE_CHIEF'],
  PI: [403, 'PACKAGE_INACTIVE'],
  AR: [403, 'ADMIN_ROLE_REQUIRED'],
  NA: [403, 'NOT_THREAD_AUTHOR'],
  CN: [404, 'CASE_NOT_FOUND'],
  AN: [404, 'ATTACHMENT_NOT_FOUND'],
  RN: [404, 'ARTICLE_NOT_FOUND'],
  TN: [404, 'THREAD_NOT_FOUND'],
  CF: [409, 'CONFLICT'],
  SN: [404, 'SAVED_REPLY_NOT_FOUND']
}

const CALLERS = ['chiefOffice', 'chiefClient', 'employee', 'client', 'chiefInactive', 'chiefOther', 'expert', 'admin', 'none', 'expired'] as const
type Caller = (typeof CALLERS)[number]

// Rows run top to bottom, callers left to right (moderation rows come after the reads they affect).
const TABLE = `
route                                        target     chiefOffice chiefClient employee client chiefInactive chiefOther expert admin none expired
GET /api/v1/me                               -          200 200 200 200 200 200 TM TM TX TE
GET /api/v1/cases                            -          200 200 OC  OC  200 200 TM TM TX TE
POST /api/v1/cases                           sidebar    201 201 OC  OC  PI  201 TM TM TX TE
POST /api/v1/cases                           avatar     201 201 OC  OC  PI  201 TM TM TX TE
POST /api/v1/cases                           messages   201 201 OC  OC  201 201 TM TM TX TE
POST /api/v1/cases/read                      A          200 200 OC  OC  200 200 TM TM TX TE
POST /api/v1/cases/archive                   A          200 200 OC  OC  200 200 TM TM TX TE
POST /api/v1/cases/unarchive                 A          200 200 OC  OC  200 200 TM TM TX TE
POST /api/v1/cases/archive                   B          200 200 OC  OC  200 200 TM TM TX TE
POST /api/v1/cases/unarchive                 B          200 200 OC  OC  200 200 TM TM TX TE
GET /api/v1/cases/:id                        A          200 200 OC  OC  CN  CN  TM TM TX TE
GET /api/v1/cases/:id                        B          CN  CN  OC  OC  CN  200 TM TM TX TE
GET /api/v1/cases/:id                        C          CN  CN  OC  OC  200 CN  TM TM TX TE
POST /api/v1/cases/:id/messages              A          201 201 OC  OC  CN  CN  TM TM TX TE
POST /api/v1/cases/:id/messages              B          CN  CN  OC  OC  CN  201 TM TM TX TE
POST /api/v1/cases/:id/messages              C          CN  CN  OC  OC  201 CN  TM TM TX TE
GET /api/v1/attachments/:id                  A          200 200 OC  OC  AN  AN  TM TM TX TE
GET /api/v1/attachments/:id                  Ainternal  AN  AN  OC  OC  AN  AN  TM TM TX TE
GET /api/v1/attachments/:id                  B          AN  AN  OC  OC  AN  200 TM TM TX TE
GET /api/v1/articles                         -          200 200 200 200 200 200 TM TM TX TE
GET /api/v1/articles/:slug                   published  200 200 200 200 200 200 TM TM TX TE
GET /api/v1/articles/:slug                   draft      RN  RN  RN  RN  RN  RN  TM TM TX TE
POST /api/v1/articles/:slug/feedback         published  200 200 200 200 200 200 TM TM TX TE
POST /api/v1/articles/:slug/feedback         draft      RN  RN  RN  RN  RN  RN  TM TM TX TE
GET /api/v1/suggestions                      -          200 200 200 200 200 200 TM TM TX TE
GET /api/v1/forum/threads                    -          200 200 200 200 200 200 TM TM TX TE
GET /api/v1/forum/threads/:id                A          200 200 200 200 200 200 TM TM TX TE
GET /api/v1/forum/threads/:id                B          200 200 200 200 200 200 TM TM TX TE
POST /api/v1/forum/threads                   -          201 201 201 201 201 201 TM TM TX TE
POST /api/v1/forum/threads/:id/replies       A          201 201 201 201 201 201 TM TM TX TE
POST /api/v1/forum/threads/:id/accept        A          NA  NA  200 NA  NA  NA  TM TM TX TE
POST /api/v1/forum/posts/:id/report          A          204 204 204 204 204 204 TM TM TX TE
POST /api/v1/forum/threads/:id/report        B          204 204 204 204 204 204 TM TM TX TE
GET /admin/v1/me                             -          KI  KI  KI  KI  KI  KI  200 200 KX KI
POST /admin/v1/session                       -          KI  KI  KI  KI  KI  KI  204 204 KX KI
DELETE /admin/v1/session                     -          KI  KI  KI  KI  KI  KI  204 204 KX KI
GET /admin/v1/cases                          -          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/cases/:id                      B          KI  KI  KI  KI  KI  KI  200 200 KX KI
POST /admin/v1/cases/:id/messages            A          KI  KI  KI  KI  KI  KI  201 201 KX KI
POST /api/v1/cases/:id/rating                A          200 200 OC  OC  CN  CN  TM TM TX TE
POST /api/v1/cases/:id/rating                B          CN  CN  OC  OC  CN  CF  TM TM TX TE
PATCH /admin/v1/cases/:id                    C          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/attachments/:id                Ainternal  KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/articles                       -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/articles/:id                   draft      KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/articles/:id/feedback          published  KI  KI  KI  KI  KI  KI  AR  200 KX KI
POST /admin/v1/articles                      -          KI  KI  KI  KI  KI  KI  AR  201 KX KI
PATCH /admin/v1/articles/:id                 published  KI  KI  KI  KI  KI  KI  AR  200 KX KI
DELETE /admin/v1/articles/:id                deletable  KI  KI  KI  KI  KI  KI  AR  204 KX KI
POST /admin/v1/articles/preview              -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
POST /admin/v1/articles/from-message         -          KI  KI  KI  KI  KI  KI  AR  201 KX KI
GET /admin/v1/forum/threads                  -          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/forum/threads/:id              B          KI  KI  KI  KI  KI  KI  200 200 KX KI
POST /admin/v1/forum/threads/:id/replies     B          KI  KI  KI  KI  KI  KI  201 201 KX KI
POST /admin/v1/forum/threads/:id/accept      B          KI  KI  KI  KI  KI  KI  200 200 KX KI
POST /admin/v1/forum/threads/:id/reports/dismiss B        KI  KI  KI  KI  KI  KI  200 200 KX KI
POST /admin/v1/forum/posts/:id/hide          A          KI  KI  KI  KI  KI  KI  200 200 KX KI
POST /admin/v1/forum/posts/:id/unhide        A          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /api/v1/events                           -          200 200 OC  OC  200 200 TM TM TX TE
GET /admin/v1/events                         -          KI  KI  KI  KI  KI  KI  200 200 KX KI
POST /admin/v1/cases/:id/presence            B          KI  KI  KI  KI  KI  KI  204 204 KX KI
POST /admin/v1/forum/threads/:id/hide        B          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /api/v1/forum/threads/:id                B          TN  TN  TN  TN  TN  TN  TM TM TX TE
POST /admin/v1/forum/threads/:id/unhide      B          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /api/v1/articles/:slug                   deletable  RN  RN  RN  RN  RN  RN  TM TM TX TE
GET /admin/v1/me/notifications               -          KI  KI  KI  KI  KI  KI  200 200 KX KI
PUT /admin/v1/me/notifications               -          KI  KI  KI  KI  KI  KI  200 200 KX KI
PUT /admin/v1/apps/:id/webhook               -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/webhooks/deliveries            -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/audit                          -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/cases/counts                   -          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/experts                        -          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/offices                        -          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/privacy/export                 -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/privacy/retention              -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
POST /admin/v1/privacy/erasures              -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/stats                          -          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/stats/settings                 -          KI  KI  KI  KI  KI  KI  200 200 KX KI
PUT /admin/v1/stats/settings                 -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/me/preferences                 -          KI  KI  KI  KI  KI  KI  200 200 KX KI
PATCH /admin/v1/me/preferences               -          KI  KI  KI  KI  KI  KI  200 200 KX KI
GET /admin/v1/team                           -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
POST /admin/v1/team                          -          KI  KI  KI  KI  KI  KI  AR  201 KX KI
POST /admin/v1/team/:id/invitation           -          KI  KI  KI  KI  KI  KI  AR  202 KX KI
PATCH /admin/v1/team/:id                     -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
POST /admin/v1/team/:id/keys                 -          KI  KI  KI  KI  KI  KI  AR  201 KX KI
DELETE /admin/v1/team/:id/keys/:keyId        -          KI  KI  KI  KI  KI  KI  AR  200 KX KI
GET /admin/v1/saved-replies                  -          KI  KI  KI  KI  KI  KI  200 200 KX KI
POST /admin/v1/saved-replies                 shared     KI  KI  KI  KI  KI  KI  AR  201 KX KI
POST /admin/v1/saved-replies                 personal   KI  KI  KI  KI  KI  KI  201 201 KX KI
PATCH /admin/v1/saved-replies/:id            shared     KI  KI  KI  KI  KI  KI  AR  200 KX KI
PATCH /admin/v1/saved-replies/:id            personal   KI  KI  KI  KI  KI  KI  200 SN  KX KI
DELETE /admin/v1/saved-replies/:id           shared     KI  KI  KI  KI  KI  KI  AR  204 KX KI
GET /admin/v1/article-links                  -          KI  KI  KI  KI  KI  KI  200 200 KX KI
`

/** Routes that need no identity at all (health, docs, the widget files, CORS preflight). */
const PUBLIC = [
  'OPTIONS *',
  'GET /healthz',
  'GET /readyz',
  'GET /docs',
  'GET /docs/json',
  'GET /docs/yaml',
  'GET /docs/static/*',
  'GET /docs/static/index.html',
  'GET /docs/static/swagger-initializer.js',
  'GET /widget.js',
  'GET /widget-assets/:file',
  'GET /unsubscribe',
  'POST /unsubscribe',
  // The console's static files and the passwordless sign-in (tested in test/sessions/).
  'GET /console',
  'GET /console/*',
  'POST /admin/v1/session/link',
  'GET /admin/v1/session/link/:token',
  // Its own bearer token, METRICS_TOKEN (test/metrics.test.ts: 404 without it).
  'GET /metrics'
]

interface Row {
  route: string
  target: string
  cells: Record<Caller, string>
}

const rows: Row[] = TABLE.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [method, url, target, ...cells] = line.trim().split(/\s+/)
    if (cells.length !== CALLERS.length) throw new Error(`row "${line}" has ${cells.length} cells`)
    return { route: `${method} ${url}`, target: target!, cells: Object.fromEntries(CALLERS.map((c, i) => [c, cells[i]!])) as Record<Caller, string> }
  })

const officeOf: Partial<Record<Caller, string>> = { chiefOffice: 'A', chiefClient: 'A', chiefInactive: 'C', chiefOther: 'B' }

let app: FastifyInstance
let fixtures: Fixtures
let headersOf: Record<Caller, Record<string, string>>

beforeAll(async () => {
  app = await buildTestApp({
    appCacheTtlMs: 600_000,
    forumPostRateMax: 10_000,
    forumReportRateMax: 10_000,
    caseCreateRateMax: 10_000,
    caseReplyRateMax: 10_000
  })
  fixtures = await buildFixtures(app)
  const now = Math.floor(Date.now() / 1000)
  headersOf = {
    chiefOffice: bearer(await signToken(personas.chiefOffice)),
    chiefClient: bearer(await signToken(personas.chiefClient)),
    employee: bearer(await signToken(personas.employee)),
    client: bearer(await signToken(personas.client)),
    chiefInactive: bearer(await signToken(personas.chiefInactive)),
    chiefOther: bearer(await signToken(personas.chiefOtherOffice)),
    expert: fixtures.expertAuth,
    admin: fixtures.adminAuth,
    none: {},
    expired: bearer(await signToken(personas.chiefOffice, { issuedAt: now - 3600, lifetimeSeconds: 600 }))
  }
}, 120_000)
afterAll(async () => {
  await app?.close()
})

describe('authorisation matrix', () => {
  it('covers every authenticated route, and nothing else is reachable without credentials', () => {
    const seen = app.routesSeen.map((r) => `${r.method} ${r.url}`)
    const inTable = new Set(rows.map((r) => r.route))
    expect(seen.filter((r) => !inTable.has(r) && !PUBLIC.includes(r))).toEqual([])
    expect([...inTable].filter((r) => !seen.includes(r))).toEqual([])
  })

  it(`answers exactly as the table says (${rows.length} rows × ${CALLERS.length} callers)`, async () => {
    const mismatches: string[] = []
    for (const row of rows) {
      const build = requestFor(row.route, row.target, fixtures)
      for (const caller of CALLERS) {
        const request = await build()
        const injected = {
          method: request.method as 'GET',
          url: request.url,
          headers: { ...request.headers, ...headersOf[caller] },
          ...(request.payload !== undefined ? { payload: request.payload } : {})
        }
        // Event streams never end: read the status, then hang up (errors are ordinary problem bodies).
        const res = request.stream ? await injectHangingUpOnStream(app, injected) : await app.inject(injected)
        const expected = row.cells[caller]
        const [status, code] = CODES[expected] ?? [Number(expected), undefined]
        const actualCode = res.statusCode >= 400 ? (res.json() as { code?: string }).code : undefined
        if (res.statusCode !== status || actualCode !== code) {
          mismatches.push(
            `${row.route} [${row.target}] as ${caller}: expected ${status}${code ? ` ${code}` : ''}, got ${res.statusCode}${actualCode ? ` ${actualCode}` : ''}`
          )
        }
        // Bulk actions answer 200 for other offices' ids too, but must change nothing of theirs.
        if (row.route.startsWith('POST /api/v1/cases/') && !row.route.includes(':id') && res.statusCode === 200 && officeOf[caller] !== row.target) {
          if ((res.json() as { changed: string[] }).changed.length > 0)
            mismatches.push(`${row.route} [${row.target}] as ${caller}: changed another office's case`)
        }
      }
    }
    expect(mismatches).toEqual([])
  }, 120_000)
})
