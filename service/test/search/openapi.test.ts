import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const CONTENT_PATHS = /^\/(api|admin)\/v1\/(articles|forum|suggestions)/

describe('OpenAPI for articles, forum and suggestions', () => {
  it('documents every route with a summary, tags, security, a success schema and problem responses', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
    const routes = app.routesSeen.filter((r) => CONTENT_PATHS.test(r.url))
    expect(routes.length).toBeGreaterThanOrEqual(20)
    for (const route of routes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}').replace(/\/$/, '') || '/'
      const op = (doc.paths[path] ?? doc.paths[`${path}/`])?.[route.method.toLowerCase()]
      expect(op, `${route.method} ${path}`).toBeDefined()
      expect(op.summary, `${route.method} ${path} summary`).toMatch(/\w/)
      expect(op.tags.length).toBeGreaterThan(0)
      expect(op.security?.length).toBe(1)
      const success = Object.keys(op.responses).find((s) => /^2\d\d$/.test(s))
      expect(success, `${route.method} ${path} success response`).toBeDefined()
      expect(op.responses['4XX'] ?? op.responses['4xx']).toBeDefined()
    }
  })
})
