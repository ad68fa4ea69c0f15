import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, expertReply, multipart, samples } from '../helpers/factories.js'

let app: FastifyInstance
let caseOfA: string
let attachmentOfA: string
beforeAll(async () => {
  app = await buildTestApp()
  const created = await createCase(app, 'chiefOffice', { files: [{ name: 'a.png', data: samples.png }] })
  caseOfA = created.case.id
  attachmentOfA = created.message.attachments[0]!.id
  await expertReply(app, (await createExpert(app)).headers, caseOfA, 'Odpowiedź')
})
afterAll(() => app.close())

const fill = (url: string) => url.replace(':id', url.includes('attachments') ? attachmentOfA : caseOfA)

async function requestFor(method: string, url: string, persona: Parameters<typeof authFor>[0]) {
  const auth = await authFor(persona)
  if (url.endsWith('/messages') || url === '/api/v1/cases') {
    const form = await multipart(url.endsWith('/messages') ? { body: 'x' } : { question: 'x', entryPoint: 'sidebar' })
    return app.inject({ method: method as 'POST', url, payload: form.payload, headers: { ...form.headers, ...auth } })
  }
  if (url.endsWith('/rating')) return app.inject({ method: 'POST', url, payload: { score: 3 }, headers: auth })
  if (method === 'POST') return app.inject({ method: 'POST', url, payload: { ids: [caseOfA] }, headers: auth })
  return app.inject({ method: method as 'GET', url, headers: auth })
}

describe('tenant isolation (office A’s case seen by the chief of office B)', () => {
  const endUserRoutes = () => app.routesSeen.filter((r) => r.url.startsWith('/api/v1/cases') || r.url.startsWith('/api/v1/attachments'))

  it('covers every end-user case route', () => {
    expect(
      endUserRoutes()
        .map((r) => `${r.method} ${r.url}`)
        .sort()
    ).toEqual(
      [
        'GET /api/v1/attachments/:id',
        'GET /api/v1/cases',
        'GET /api/v1/cases/:id',
        'POST /api/v1/cases',
        'POST /api/v1/cases/:id/messages',
        'POST /api/v1/cases/:id/rating',
        'POST /api/v1/cases/archive',
        'POST /api/v1/cases/read',
        'POST /api/v1/cases/unarchive'
      ].sort()
    )
  })

  it('answers 404 for office A’s case and attachment on every route that takes an id, and bulk ops ignore it', async () => {
    for (const route of endUserRoutes()) {
      const res = await requestFor(route.method, fill(route.url), 'chiefOtherOffice')
      const label = `${route.method} ${route.url}`
      if (route.url.includes(':id')) {
        expect({ label, status: res.statusCode, code: res.json().code }).toEqual({
          label,
          status: 404,
          code: route.url.includes('attachments') ? 'ATTACHMENT_NOT_FOUND' : 'CASE_NOT_FOUND'
        })
      } else if (route.method === 'POST' && route.url !== '/api/v1/cases') {
        expect({ label, body: res.json() }).toEqual({ label, body: { changed: [] } })
      } else {
        expect(res.statusCode, label).toBeLessThan(300)
        expect(res.body, label).not.toContain(caseOfA)
      }
    }
    const stored = await app.models.Case.findById(caseOfA).lean()
    expect(stored).toMatchObject({ archived: false, chiefUnread: true, messageCount: 2 })
  })

  it('answers the same 404 for a missing case as for a foreign one', async () => {
    const foreign = await requestFor('GET', `/api/v1/cases/${caseOfA}`, 'chiefOtherOffice')
    const missing = await requestFor('GET', '/api/v1/cases/0123456789abcdef01234567', 'chiefOtherOffice')
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined })
    expect(strip(foreign.json())).toEqual(strip(missing.json()))
  })

  it('gives the owning chief the case from both the office and a client account', async () => {
    for (const persona of ['chiefOffice', 'chiefClient'] as const) {
      expect((await requestFor('GET', `/api/v1/cases/${caseOfA}`, persona)).statusCode).toBe(200)
      expect((await requestFor('GET', `/api/v1/attachments/${attachmentOfA}`, persona)).statusCode).toBe(200)
    }
  })

  it.each(['employee', 'client'] as const)('refuses a %s of the same office on every case route with 403 ONLY_OFFICE_CHIEF', async (persona) => {
    for (const route of endUserRoutes()) {
      const res = await requestFor(route.method, fill(route.url), persona)
      expect({ route: `${route.method} ${route.url}`, code: res.json().code }).toEqual({ route: `${route.method} ${route.url}`, code: 'ONLY_OFFICE_CHIEF' })
    }
  })
})
