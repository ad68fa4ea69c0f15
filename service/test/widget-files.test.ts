import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from './helpers/app.js'

let app: FastifyInstance
const dist = mkdtempSync(join(tmpdir(), 'ze-widget-dist-'))
beforeAll(async () => {
  mkdirSync(join(dist, 'widget-assets'))
  writeFileSync(join(dist, 'widget.js'), 'import("./widget-assets/core-A.js")')
  writeFileSync(join(dist, 'widget-assets', 'core-A.js'), 'export const a = 1')
  app = await buildTestApp({ widgetDistDir: dist })
})
afterAll(async () => {
  await app.close()
  rmSync(dist, { recursive: true, force: true })
})

describe('serving the built widget', () => {
  it('serves /widget.js revalidated by ETag, and 304 when unchanged', async () => {
    const first = await app.inject({ method: 'GET', url: '/widget.js' })
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toMatch(/^text\/javascript/)
    expect(first.headers['cache-control']).toBe('public, max-age=300')
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('serves hashed chunks as immutable', async () => {
    const res = await app.inject({ method: 'GET', url: '/widget-assets/core-A.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toContain('immutable')
  })

  it('picks up a rebuilt loader without a restart', async () => {
    const before = (await app.inject({ method: 'GET', url: '/widget.js' })).headers.etag
    writeFileSync(join(dist, 'widget.js'), 'import("./widget-assets/core-B.js")')
    utimesSync(join(dist, 'widget.js'), new Date(), new Date(Date.now() + 5000))
    const after = await app.inject({ method: 'GET', url: '/widget.js' })
    expect(after.body).toContain('core-B.js')
    expect(after.headers.etag).not.toBe(before)
  })

  it('refuses names that try to leave the folder', async () => {
    for (const url of ['/widget-assets/..%2Fwidget.js', '/widget-assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      expect(res.json().code).toMatch(/NOT_FOUND/)
    }
    // A NUL never reaches the file system: every path with U+0000 is refused before routing.
    const nul = await app.inject({ method: 'GET', url: '/widget-assets/a%00.js' })
    expect(nul.statusCode).toBe(400)
    expect(nul.json().code).toBe('VALIDATION_FAILED')
  })
})
