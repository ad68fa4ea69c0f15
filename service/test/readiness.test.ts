import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { startFerretDB, tempDataDir, type RunningFerretDB } from '@ze/testkit/ferretdb'
import { buildTestApp, testDatabaseUri } from './helpers/app.js'

// This suite owns its database process so it can stop and restart it; with MONGODB_URI
// set it still needs Go to build FerretDB (the launcher says so if Go is missing).
let db: RunningFerretDB
let app: FastifyInstance
beforeAll(async () => {
  db = await startFerretDB({ dataDir: tempDataDir() })
  app = await buildTestApp({ mongodbUri: testDatabaseUri(db.uri), dbTimeoutMs: 1500 })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await db?.stop()
  if (db) rmSync(db.dataDir, { recursive: true, force: true })
})

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    if (await check()) return Date.now() - start
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`condition not met within ${timeoutMs} ms`)
}

describe('health and readiness', () => {
  it('/healthz answers while the process lives', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' })
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it('/readyz follows the database: 200, then 503 while it is stopped, then 200 again without restarting the service', async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)

    await db.stop()
    const started = Date.now()
    const down = await app.inject({ method: 'GET', url: '/readyz' })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(down.statusCode).toBe(503)
    expect(down.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' })
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)

    // Queries fail fast with a problem, not a hang or a crash.
    const query = await app.inject({ method: 'GET', url: '/admin/v1/me', headers: { authorization: 'Bearer zek_whatever000000000000000000000000000000' } })
    expect(query.statusCode).toBe(503)
    expect(query.json().code).toBe('DATABASE_UNAVAILABLE')

    await db.restart()
    await waitFor(async () => (await app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200, 30_000)
    expect(
      (await app.inject({ method: 'GET', url: '/admin/v1/me', headers: { authorization: 'Bearer zek_whatever000000000000000000000000000000' } })).json().code
    ).toBe('EXPERT_KEY_INVALID')
  }, 60_000)
})
