import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, testDatabaseUri } from '../helpers/app.js'
import { authFor, freshChief, gridFsCounts, multipart, postCase, samples } from '../helpers/factories.js'

const MAX = 3
const REQUEST_TIMEOUT_MS = 1500
const limits = {
  caseCreateRateMax: MAX,
  caseCreateRateWindowMs: 60_000,
  caseReplyRateMax: MAX,
  caseReplyRateWindowMs: 60_000,
  forumPostRateMax: MAX,
  forumPostRateWindowMs: 60_000,
  bodyLimitBytes: 4096,
  uploadMaxFiles: 2,
  uploadMaxFileBytes: 8 * 1024,
  appCacheTtlMs: 600_000
}

// Two instances on one database, as behind a load balancer: limits must hold across both.
let a: FastifyInstance
let b: FastifyInstance
beforeAll(async () => {
  const mongodbUri = testDatabaseUri()
  a = await buildTestApp({ ...limits, mongodbUri })
  b = await buildTestApp({ ...limits, mongodbUri })
}, 60_000)
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()])
})

function expectRateLimited(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode, res.body).toBe(429)
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/)
  expect(JSON.parse(res.body).code).toBe('RATE_LIMITED')
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
}

const reply = async (app: FastifyInstance, chief: Record<string, unknown>, caseId: string) => {
  const form = await multipart({ body: 'Jeszcze jedno pytanie' })
  return app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/messages`, payload: form.payload, headers: { ...form.headers, ...(await authFor(chief)) } })
}

describe('per-user rate limits, shared by instances', () => {
  it(`case creation: ${MAX} per chief whichever instance serves them, then 429 with Retry-After; other chiefs unaffected`, async () => {
    const chief = freshChief()
    for (let i = 0; i < MAX; i++) expect((await postCase(i % 2 ? b : a, chief)).statusCode).toBe(201)
    expectRateLimited(await postCase(a, chief))
    expectRateLimited(await postCase(b, chief))
    expect((await postCase(b, freshChief())).statusCode).toBe(201)
  })

  it('case creation: concurrent requests on both instances cannot exceed the limit together', async () => {
    const chief = freshChief()
    const results = await Promise.all(Array.from({ length: MAX * 2 + 2 }, (_, i) => postCase(i % 2 ? b : a, chief)))
    const statuses = results.map((r) => r.statusCode).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX)
    expect(statuses.filter((s) => s === 429)).toHaveLength(MAX + 2)
  })

  it(`replies: ${MAX} per chief across instances, then 429`, async () => {
    const chief = freshChief()
    const created = await postCase(a, chief)
    const caseId = created.json().case.id
    for (let i = 0; i < MAX; i++) expect((await reply(i % 2 ? a : b, chief, caseId)).statusCode).toBe(201)
    expectRateLimited(await reply(a, chief, caseId))
    expectRateLimited(await reply(b, chief, caseId))
  })

  it(`forum posting: ${MAX} threads and replies together per user across instances, then 429`, async () => {
    const user = freshChief({ role: 'employee' })
    const thread = await a.inject({ method: 'POST', url: '/api/v1/forum/threads', headers: await authFor(user), payload: { title: 'Pytanie', body: 'Treść' } })
    expect(thread.statusCode).toBe(201)
    const url = `/api/v1/forum/threads/${thread.json().thread.id}/replies`
    for (let i = 1; i < MAX; i++)
      expect((await (i % 2 ? b : a).inject({ method: 'POST', url, headers: await authFor(user), payload: { body: 'Odpowiedź' } })).statusCode).toBe(201)
    expectRateLimited(await b.inject({ method: 'POST', url, headers: await authFor(user), payload: { body: 'Za dużo' } }))
    expectRateLimited(
      await a.inject({ method: 'POST', url: '/api/v1/forum/threads', headers: await authFor(user), payload: { title: 'Znowu', body: 'Treść' } })
    )
  })
})

describe('body and multipart limits', () => {
  it('a JSON body over BODY_LIMIT_BYTES is refused with a 413 problem', async () => {
    const ids = Array.from({ length: 200 }, () => '0123456789abcdef01234567')
    const res = await a.inject({ method: 'POST', url: '/api/v1/cases/archive', headers: await authFor('chiefOffice'), payload: { ids } })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE')
    const forum = await a.inject({
      method: 'POST',
      url: '/api/v1/forum/threads',
      headers: await authFor(freshChief()),
      payload: { title: 'x', body: 'y'.repeat(5000) }
    })
    expect([forum.statusCode, forum.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
  })

  it('too many files, a file over the limit, too many fields: 413 problems and nothing left in GridFS', async () => {
    const before = await gridFsCounts(a)
    const png = (name: string, extra = 0) => ({ name, data: Buffer.concat([samples.png, Buffer.alloc(extra, 0x20)]), type: 'image/png' })
    const tooMany = await postCase(a, freshChief(), { files: [png('1.png'), png('2.png'), png('3.png')] })
    expect([tooMany.statusCode, tooMany.json().code]).toEqual([413, 'TOO_MANY_ATTACHMENTS'])
    const tooLarge = await postCase(a, freshChief(), { files: [png('ok.png'), png('big.png', 8 * 1024)] })
    expect([tooLarge.statusCode, tooLarge.json().code]).toEqual([413, 'ATTACHMENT_TOO_LARGE'])
    const fields = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, 'x']))
    const form = await multipart({ question: 'Pytanie', entryPoint: 'sidebar', ...fields })
    const tooManyFields = await a.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: form.payload,
      headers: { ...form.headers, ...(await authFor(freshChief())) }
    })
    expect([tooManyFields.statusCode, tooManyFields.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(await gridFsCounts(a)).toEqual(before)
  })
})

describe('slow clients', () => {
  it('an upload trickling in is cut off by REQUEST_TIMEOUT_MS and leaves nothing behind', async () => {
    const slow = await buildTestApp({ mongodbUri: testDatabaseUri(), requestTimeoutMs: REQUEST_TIMEOUT_MS, appCacheTtlMs: 600_000 })
    try {
      await slow.listen({ host: '127.0.0.1', port: 0 })
      const port = (slow.server.address() as { port: number }).port
      const before = await gridFsCounts(slow)
      const boundary = 'slow-boundary'
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="question"\r\n\r\nPytanie\r\n--${boundary}\r\nContent-Disposition: form-data; name="entryPoint"\r\n\r\nsidebar\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="wolny.txt"\r\nContent-Type: text/plain\r\n\r\n`
      )
      const token = (await authFor(freshChief())).authorization
      const socket = connect(port, '127.0.0.1')
      const started = Date.now()
      let answer = ''
      socket.setEncoding('latin1').on('data', (d: string) => (answer += d))
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)))
      socket.on('error', () => {})
      socket.write(
        `POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 10000000\r\n\r\n`
      )
      socket.write(head)
      socket.write(Buffer.alloc(5000, 'a'))
      // One byte every 100 ms: never idle long enough for an idle timeout, never finishing either.
      const trickle = setInterval(() => socket.writable && socket.write('a'), 100)
      const elapsed = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), REQUEST_TIMEOUT_MS * 4))])
      clearInterval(trickle)
      socket.destroy()
      expect(elapsed, 'the connection was closed by the server').toBeGreaterThan(0)
      // Node checks every REQUEST_TIMEOUT_MS / 4; the rest is slack for a busy CI machine.
      expect(elapsed).toBeLessThan(REQUEST_TIMEOUT_MS * 2 + 1000)
      expect(answer.startsWith('HTTP/1.1 408')).toBe(true)
      // The half-received file is removed once the request fails.
      await new Promise((r) => setTimeout(r, 500))
      expect(await gridFsCounts(slow)).toEqual(before)
      expect((await slow.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    } finally {
      await slow.close()
    }
  })
})
