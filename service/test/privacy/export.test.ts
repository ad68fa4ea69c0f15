import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, expertReply, freshChief, samples, sha256 } from '../helpers/factories.js'
import { exportOffice } from '../../src/privacy/export.js'
import { unzip } from './support.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

let app: FastifyInstance
let admin: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp({ uploadMaxFileBytes: 64 * 1024 * 1024, bodyLimitBytes: 70 * 1024 * 1024 })
  admin = (await createExpert(app, { name: 'Ada Admin', admin: true })).headers
})
afterAll(() => app.close())

const officeOf = (chief: Record<string, unknown>) => (chief.office as { id: string }).id

describe('RODO export of one office', () => {
  it('GET /admin/v1/privacy/export answers a zip with cases, messages, ratings, forum posts and attachment bytes of that office only', async () => {
    const chief = freshChief()
    const other = freshChief()
    const { case: c, message } = await createCase(app, chief, {
      question: 'Pytanie eksportowe',
      files: [{ name: 'skan.png', data: samples.png, type: 'image/png' }]
    })
    await createCase(app, other, { question: 'Cudze pytanie' })
    const { headers } = await createExpert(app)
    expect((await expertReply(app, headers, c.id, 'Odpowiedź eksperta')).statusCode).toBe(201)
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/rating`, headers: await authFor(chief), payload: { score: 5, comment: 'Super' } }))
        .statusCode
    ).toBe(200)
    const thread = await app.inject({
      method: 'POST',
      url: '/api/v1/forum/threads',
      headers: await authFor(chief),
      payload: { title: 'Wątek z biura', body: 'Treść wątku z biura' }
    })
    expect(thread.statusCode, thread.body).toBe(201)

    const res = await app.inject({ method: 'GET', url: `/admin/v1/privacy/export?appId=test-app&officeId=${officeOf(chief)}`, headers: admin })
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    const files = await unzip(res.rawPayload)
    const json = (name: string) => JSON.parse(files.get(name)!.toString('utf8'))
    expect([...files.keys()].sort()).toEqual(
      [
        'article-feedback.json',
        'attachments/' + message.attachments[0]!.id + '-skan.png',
        'cases.json',
        'forum-posts.json',
        'forum-threads.json',
        'messages.json',
        'office.json',
        'ratings.json'
      ].sort()
    )
    expect(json('office.json')).toMatchObject({ appId: 'test-app', officeId: officeOf(chief), cases: 1, attachments: 1 })
    expect(json('cases.json')).toHaveLength(1)
    expect(json('cases.json')[0]).toMatchObject({ _id: c.id, createdBy: { id: chief.sub }, rating: { score: 5, comment: 'Super' } })
    expect(json('messages.json').map((m: { body: string }) => m.body)).toEqual(expect.arrayContaining(['Pytanie eksportowe', 'Odpowiedź eksperta']))
    expect(json('ratings.json')).toHaveLength(1)
    expect(json('forum-threads.json').map((t: { title: string }) => t.title)).toEqual(['Wątek z biura'])
    expect(sha256(files.get(`attachments/${message.attachments[0]!.id}-skan.png`)!)).toBe(sha256(samples.png))
    expect(res.body).not.toContain('Cudze pytanie')

    const audited = await app.auditLog.list({ action: 'office.exported', targetType: 'office', targetId: officeOf(chief) })
    expect(audited.items).toHaveLength(1)
  })

  it('streams: a large attachment goes through without the process holding it in memory', async () => {
    const chief = freshChief()
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(24 * 1024 * 1024, 7), Buffer.from('\n%%EOF\n')])
    const { message } = await createCase(app, chief, { files: [{ name: 'duzy.pdf', data: big, type: 'application/pdf' }] })
    const dir = await mkdtemp(join(tmpdir(), 'ze-export-'))
    try {
      const path = join(dir, 'out.zip')
      // Live memory only: collect garbage before every sample, so chunks already passed on do not count.
      const used = () => {
        gc()
        return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
      }
      const before = used()
      let peak = before
      const sampler = setInterval(() => (peak = Math.max(peak, used())), 100)
      const { stream } = await exportOffice(app.db, app.models, { appId: 'test-app', officeId: officeOf(chief) })
      await pipeline(stream, createWriteStream(path))
      clearInterval(sampler)
      peak = Math.max(peak, used())
      expect((await stat(path)).size).toBeGreaterThan(big.length)
      // Flat memory: far less than the 24 MB file (chunks of 255 KB pass through).
      expect(peak - before, `peak growth ${peak - before} bytes`).toBeLessThan(big.length / 2)
      const files = await unzip(path)
      expect(sha256(files.get(`attachments/${message.attachments[0]!.id}-duzy.pdf`)!)).toBe(sha256(big))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('is for admin experts only', async () => {
    const { headers } = await createExpert(app)
    const res = await app.inject({ method: 'GET', url: '/admin/v1/privacy/export?appId=test-app&officeId=x', headers })
    expect(res.json()).toMatchObject({ status: 403, code: 'ADMIN_ROLE_REQUIRED' })
  })
})
