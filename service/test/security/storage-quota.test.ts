import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, testDatabaseUri } from '../helpers/app.js'
import { authFor, chiefReply, createCase, createExpert, expertReply, freshChief, gridFsCounts, multipart, postCase } from '../helpers/factories.js'

// Issue 16 finding 7h: a chief could push ~18 GB per 10 minutes. Each office may upload
// STORAGE_QUOTA_BYTES per STORAGE_QUOTA_PERIOD_HOURS, counted in the database so every
// instance enforces the same budget; over it → 413 STORAGE_QUOTA_EXCEEDED, nothing stored.
const QUOTA = 10_000
const apps: FastifyInstance[] = []
let app: FastifyInstance
let second: FastifyInstance
beforeAll(async () => {
  const mongodbUri = testDatabaseUri()
  for (let i = 0; i < 2; i++) apps.push(await buildTestApp({ mongodbUri, storageQuotaBytes: QUOTA, storageQuotaPeriodHours: 1 }))
  ;[app, second] = apps as [FastifyInstance, FastifyInstance]
})
afterAll(async () => {
  for (const instance of apps) await instance.close()
})

const text = (bytes: number) => 'x'.repeat(bytes)
const file = (bytes: number, name = 'wyciag.txt') => ({ name, data: text(bytes) })

const expectQuotaExceeded = (res: { statusCode: number; json(): unknown }, quotaBytes = QUOTA) => {
  expect(res.statusCode).toBe(413)
  expect(res.json()).toMatchObject({ code: 'STORAGE_QUOTA_EXCEEDED', quotaBytes, periodHours: 1, retryAfterSeconds: expect.any(Number) })
}

describe('per-office storage quota', () => {
  it('accepts uploads up to the quota, refuses the one that would pass it (nothing stored), other offices unaffected', async () => {
    const chief = freshChief()
    await createCase(app, chief, { files: [file(6000)] })
    const before = await gridFsCounts(app)
    expectQuotaExceeded(await postCase(second, chief, { files: [file(3000, 'a.txt'), file(3000, 'b.txt')] }))
    expect(await gridFsCounts(app)).toEqual(before)
    // The refused upload gave its bytes back: what is left can still be used, exactly.
    await createCase(second, chief, { files: [file(4000)] })
    expectQuotaExceeded(await postCase(app, chief, { files: [file(1)] }))
    // Text-only messages still go through.
    const { case: created } = await createCase(app, chief)
    expect((await chiefReply(app, chief, created.id, 'Bez załączników')).statusCode).toBe(201)
    await createCase(app, freshChief(), { files: [file(9000)] })
  })

  it("experts' uploads are not counted against the office", async () => {
    const chief = freshChief()
    const { case: created } = await createCase(app, chief, { files: [file(QUOTA)] })
    const { headers } = await createExpert(app)
    expect((await expertReply(app, headers, created.id, 'Instrukcja w załączniku', { files: [file(5000)] })).statusCode).toBe(201)
    expectQuotaExceeded(await chiefReply(app, chief, created.id, 'Jeszcze jeden plik', [file(10)]))
  })

  it('holds across two instances under concurrent uploads, and the limit stays exact afterwards', async () => {
    const chief = freshChief()
    const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => postCase(apps[i % 2]!, chief, { files: [file(3000, `plik-${i}.txt`)] })))
    const accepted = burst.filter((r) => r.statusCode === 201).length
    for (const res of burst) if (res.statusCode !== 201) expectQuotaExceeded(res)
    expect(accepted).toBeLessThanOrEqual(3)
    // Refused requests released their share: sequential uploads fill the office to exactly 3 files.
    let more = 0
    while ((await postCase(app, chief, { files: [file(3000)] })).statusCode === 201) more++
    expect(accepted + more).toBe(3)
  })

  it('is enforced while a large file streams (checked every few MiB), leaving no partial chunks', async () => {
    const big = await buildTestApp({ storageQuotaBytes: 10 * 1024 * 1024, storageQuotaPeriodHours: 1 })
    apps.push(big)
    const before = await gridFsCounts(big)
    // 12 MiB passes the up-front check by Content-Length (which allows for the form fields), not the one while streaming.
    expectQuotaExceeded(await postCase(big, freshChief(), { files: [file(12 * 1024 * 1024)] }), 10 * 1024 * 1024)
    expect(await gridFsCounts(big)).toEqual(before)
  })

  it('an office already over its quota is refused before the file is read', async () => {
    const chief = freshChief()
    await createCase(app, chief, { files: [file(QUOTA)] })
    const form = await multipart({ question: 'Pytanie', entryPoint: 'sidebar' }, [file(5000)])
    // The body stops after the file's first bytes and never ends: only an answer given before the file is read can arrive.
    const hanging = new Readable({ read() {} })
    hanging.push(form.payload.subarray(0, form.payload.indexOf(text(100)) + 10))
    const res = await app.inject({ method: 'POST', url: '/api/v1/cases', payload: hanging, headers: { ...form.headers, ...(await authFor(chief)) } })
    expectQuotaExceeded(res)
    hanging.destroy()
  })
})
