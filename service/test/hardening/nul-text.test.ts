// PostgreSQL under FerretDB cannot store or compare U+0000 in jsonb (SQLSTATE 22P05): a NUL in
// any text answers 400 before it reaches the database (Schemathesis found a 500 on the export).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createExpert } from '../helpers/factories.js'

let app: FastifyInstance
let admin: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp()
  admin = (await createExpert(app, { name: 'Adam Admin', admin: true })).headers
})
afterAll(async () => app?.close())

describe('a NUL character in text', () => {
  it('in a query string, a path or a JSON body answers a 400 problem, and text without it still works', async () => {
    const chief = await authFor('chiefOffice')
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/admin/v1/privacy/export?appId=test-app&officeId=a%00b', headers: admin }),
      app.inject({ method: 'GET', url: '/api/v1/cases?q=faktura%00', headers: chief }),
      app.inject({ method: 'GET', url: '/api/v1/articles/abc%00', headers: chief }),
      app.inject({ method: 'POST', url: '/api/v1/forum/threads', headers: chief, payload: { title: 'Tytuł\u0000', body: 'Treść' } })
    ])
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
    const fine = await app.inject({ method: 'GET', url: '/api/v1/cases?q=faktura', headers: chief })
    expect(fine.statusCode, fine.body).toBe(200)
  })
})
