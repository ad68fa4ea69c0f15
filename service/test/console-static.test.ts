import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from './helpers/app.js'
import { loadConfig } from '../src/config.js'
import { CONSOLE_CSP } from '../src/routes/console.js'

// A stand-in build (the real one is checked in console/test/size.test.ts and the browser tests):
// what matters here is how the service serves whatever CONSOLE_DIST_DIR holds.
const dist = mkdtempSync(join(tmpdir(), 'ze-console-dist-'))
mkdirSync(join(dist, 'assets'))
writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/console/assets/index-abc.js"></script>')
writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)')

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ consoleDistDir: dist })
})
afterAll(async () => {
  await app.close()
  rmSync(dist, { recursive: true, force: true })
})

describe('the console at /console/', () => {
  it('serves index.html with the strict CSP (no inline script or style) and revalidation', async () => {
    const res = await app.inject({ method: 'GET', url: '/console/' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP)
    expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect((await app.inject({ method: 'GET', url: '/console' })).headers.location).toBe('/console/')
  })

  it('serves hashed assets for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/console/assets/index-abc.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('by default serves console/dist of this repository (what `npm run build` makes)', () => {
    expect(loadConfig({ MONGODB_URI: 'mongodb://localhost:1/x' }).consoleDistDir).toBe(join(import.meta.dirname, '../../console/dist'))
  })
})
