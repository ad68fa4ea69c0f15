import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { errorRegistry } from '@ze/contract'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, postCase, samples } from '../helpers/factories.js'
import { injectHangingUpOnStream } from '../helpers/sse.js'
import { personas, signToken } from '../helpers/tokens.js'
import { prng, seedFromEnv } from '@ze/testkit/prng'
import { diff, digest, snapshot } from './support/checksum.js'
import { malformedRequest, type GenContext, type MalformedRequest } from './support/malformed.js'
import { seedEverything, type Seeded } from './support/seed.js'

const REQUESTS = Number(process.env.HARDENING_REQUESTS ?? 5200)
const CONCURRENCY = 8
const SEED = seedFromEnv()
const LIMITS = { maxFiles: 3, maxFileBytes: 64 * 1024, bodyLimitBytes: 64 * 1024 }

let app: FastifyInstance
let seeded: Seeded

beforeAll(async () => {
  console.log(`bad-input seed: ${SEED} (replay with HARDENING_SEED=${SEED})`)
  app = await buildTestApp({
    uploadMaxFiles: LIMITS.maxFiles,
    uploadMaxFileBytes: LIMITS.maxFileBytes,
    bodyLimitBytes: LIMITS.bodyLimitBytes,
    // The app cache and a generous forum limit keep the run fast and the requests reaching validation.
    appCacheTtlMs: 600_000,
    forumPostRateMax: 1_000_000,
    caseCreateRateMax: 1_000_000,
    caseReplyRateMax: 1_000_000
  })
  seeded = await seedEverything(app)
}, 120_000)
afterAll(async () => {
  await app?.close()
})

async function badTokens(): Promise<string[]> {
  const chief = personas.chiefOffice
  return Promise.all([
    signToken(chief, { secret: 'another-secret-that-is-long-enough-0123456789' }),
    signToken(chief, { lifetimeSeconds: 60, issuedAt: Math.floor(Date.now() / 1000) - 3600 }),
    signToken(chief, { issuedAt: Math.floor(Date.now() / 1000) + 3600 }),
    signToken(chief, { lifetimeSeconds: 30 * 86_400 }),
    signToken(chief, { audience: 'no-such-app' }),
    signToken(chief, { audience: ['test-app', 'other'] }),
    signToken(chief, { alg: 'HS512' }),
    signToken(chief, { omit: ['exp'] }),
    signToken({ ...chief, role: { $ne: null } }),
    signToken({ ...chief, role: 'admin' }),
    signToken({ ...chief, office: { id: { $gt: '' }, name: 'x' } }),
    signToken({ ...chief, office: 'office-a' }),
    signToken({ ...chief, account: { type: 'expert', id: 'x', name: 'x' } }),
    signToken({ ...chief, package: { active: 'yes' } }),
    signToken({ ...chief, sub: '' }),
    signToken({ ...chief, name: 'x'.repeat(5000) }),
    signToken({ ...chief, locale: 'de' }),
    signToken({ sub: 'x' })
  ])
}

interface Outcome {
  request: MalformedRequest
  status: number
  contentType: string
  body: string
}

function problemFailure(o: Outcome): string | null {
  if (o.status >= 500) return `answered ${o.status}`
  if (/root:x:0:0|BEGIN (RSA )?PRIVATE KEY/.test(o.body)) return 'leaked a file of the server'
  if (o.status < 400) return null
  if (!/^application\/problem\+json/.test(o.contentType)) return `error without problem+json (${o.contentType})`
  let body: { code?: string; status?: number }
  try {
    body = JSON.parse(o.body)
  } catch {
    return 'problem body is not JSON'
  }
  if (!body.code || !(body.code in errorRegistry)) return `unknown code ${body.code}`
  if (body.status !== o.status) return `problem status ${body.status} differs from HTTP ${o.status}`
  return null
}

const describeRequest = (o: Outcome, why: string) =>
  `${why}: ${o.request.method} ${o.request.url.slice(0, 120)} [${o.request.label}] → ${o.status} ${o.body.slice(0, Number(process.env.HARDENING_BODY_CHARS ?? 200))}`

describe('bad input', () => {
  it(`${REQUESTS} malformed requests across every route: 4xx problem documents only, nothing stored changes`, async () => {
    // Valid requests made while seeding are the baseline; from here on only malformed ones.
    const before = await snapshot(app)
    const ctx: GenContext = {
      routes: app.routesSeen,
      userAuth: await authFor('chiefOffice'),
      adminAuth: seeded.adminAuth,
      badTokens: await badTokens(),
      realIds: {
        id: [seeded.caseId, seeded.attachmentId, seeded.internalAttachmentId, seeded.articleId, seeded.threadId, seeded.postId],
        slug: [seeded.articleSlug]
      },
      limits: LIMITS
    }
    const r = prng(SEED)
    const requests = Array.from({ length: REQUESTS }, () => malformedRequest(r, ctx))
    const outcomes: Outcome[] = []
    let next = 0
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!
        // An event stream that opens (a valid-looking GET /events) never ends: read its head only.
        const res = await injectHangingUpOnStream(app, {
          method: request.method as 'GET',
          url: request.url,
          headers: request.headers,
          ...(request.payload !== undefined ? { payload: request.payload } : {})
        }).catch((err: Error) => {
          throw new Error(`inject failed for ${request.method} ${request.url.slice(0, 200)} [${request.label}]: ${err.message}`)
        })
        outcomes.push({ request, status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body })
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))

    const failures = outcomes
      .map((o) => [o, problemFailure(o)] as const)
      .filter(([, why]) => why)
      .map(([o, why]) => describeRequest(o, why!))
    expect(failures.slice(0, 15), `${failures.length} bad answers (seed ${SEED})`).toEqual([])
    // The Markdown preview is a POST (the body can be long) that stores nothing: an empty draft
    // previews as empty. The snapshot comparison below still proves it wrote nothing.
    const READ_ONLY_POSTS = new Set(['/admin/v1/articles/preview'])
    const acceptedWrites = outcomes.filter(
      (o) => o.status < 300 && o.request.method !== 'GET' && o.request.method !== 'OPTIONS' && !READ_ONLY_POSTS.has(o.request.url.split('?')[0]!)
    )
    expect(acceptedWrites.map((o) => describeRequest(o, 'accepted')).slice(0, 10), `seed ${SEED}`).toEqual([])

    const after = await snapshot(app)
    const changes = diff(before, after)
    expect({ changed: changes.changed.slice(0, 10), added: changes.added.slice(0, 10) }, `seed ${SEED}`).toEqual({ changed: [], added: [] })
    expect(digest(after)).toBe(digest(before))

    const byStatus = outcomes.reduce<Record<number, number>>((acc, o) => ((acc[o.status] = (acc[o.status] ?? 0) + 1), acc), {})
    console.log(
      `bad-input: ${outcomes.length} requests over ${new Set(requests.map((q) => q.url.split('?')[0])).size} URLs; statuses ${JSON.stringify(byStatus)}; data digest ${digest(after)}`
    )
  }, 240_000)

  it('stays healthy and serves valid requests afterwards', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
    const list = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: await authFor('chiefOffice') })
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(seeded.caseId)
    const download = await app.inject({ method: 'GET', url: `/api/v1/attachments/${seeded.attachmentId}`, headers: await authFor('chiefOffice') })
    expect(download.rawPayload.equals(samples.png)).toBe(true)
  })

  it('a path-traversal or bidi-override file name that is otherwise valid is stored sanitised; a control character is a 400', async () => {
    const refused = await postCase(app, 'chiefOffice', { files: [{ name: 'a\u0000b\u202egnp.png', data: samples.png, type: 'image/png' }] })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().code).toBe('VALIDATION_FAILED')
    const names = ['../../etc/passwd.png', '..\\..\\win.ini.png', 'ab\u202egnp.png', '/abs/x.png']
    for (const name of names) {
      const created = await createCase(app, 'chiefOffice', { files: [{ name, data: samples.png, type: 'image/png' }] })
      const stored = created.message.attachments[0]!.filename
      expect(stored, name).not.toMatch(/[\\/\u0000-\u001f\u202e]|\.\./)
    }
  })
})
