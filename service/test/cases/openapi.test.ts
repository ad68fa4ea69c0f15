import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

it('documents every case route with a summary, security, responses and multipart bodies', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  const caseRoutes = Object.entries(doc.paths as Record<string, Record<string, any>>).filter(([path]) => /\/(cases|attachments)/.test(path))
  expect(caseRoutes.length).toBe(14) // paths, incl. /api/v1/cases/{id}/rating and /admin/v1/cases/counts
  for (const [path, methods] of caseRoutes) {
    for (const [method, op] of Object.entries(methods)) {
      const label = `${method} ${path}`
      expect(op.summary, label).toBeTruthy()
      expect(op.security, label).toHaveLength(1)
      expect(Object.keys(op.responses), label).toEqual(expect.arrayContaining(['4XX']))
    }
  }
  const create = doc.paths['/api/v1/cases'].post.requestBody.content['multipart/form-data'].schema
  expect(create.required).toEqual(['question', 'entryPoint'])
  expect(create.properties.files.items.format).toBe('binary')
  expect(doc.paths['/admin/v1/cases/{id}/messages'].post.requestBody.content['multipart/form-data'].schema.properties.internal).toBeDefined()
  expect(doc.paths['/api/v1/cases/archive'].post.requestBody.content['application/json'].schema.properties.ids.maxItems).toBe(100)
})
