import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, createExpert, expertReply, freshChief } from '../helpers/factories.js'

let app: FastifyInstance
let expertHeaders: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp()
  expertHeaders = (await createExpert(app)).headers
})
afterAll(() => app.close())

type Caller = Parameters<typeof authFor>[0]
const rate = async (caller: Caller, id: string, payload: unknown) =>
  app.inject({ method: 'POST', url: `/api/v1/cases/${id}/rating`, headers: await authFor(caller), payload: payload as Record<string, unknown> })
const adminCase = async (id: string) => (await app.inject({ method: 'GET', url: `/admin/v1/cases/${id}`, headers: expertHeaders })).json().case

describe('POST /api/v1/cases/:id/rating (Czy odpowiedź eksperta pomogła?)', () => {
  it('stores the chief’s rating once an expert answered, shows it to the chief and the experts, and a new rating replaces it', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(app, chief)
    expect(c.rating).toBeNull()
    const early = await rate(chief, c.id, { score: 5 })
    expect({ status: early.statusCode, code: early.json().code }).toEqual({ status: 409, code: 'CONFLICT' })

    await expertReply(app, expertHeaders, c.id, 'Proszę wybrać Faktury » Korekta.')
    const rated = await rate(chief, c.id, { score: 2, comment: '  Nie do końca.  ' })
    expect(rated.statusCode, rated.body).toBe(200)
    expect(rated.json().case).toMatchObject({ id: c.id, status: 'answered', rating: { score: 2, comment: 'Nie do końca.', ratedAt: expect.any(String) } })

    const detail = (await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: await authFor(chief) })).json()
    expect(detail.case.rating).toMatchObject({ score: 2, comment: 'Nie do końca.' })
    expect((await adminCase(c.id)).rating).toMatchObject({ score: 2, comment: 'Nie do końca.' })

    await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${c.id}`, headers: expertHeaders, payload: { status: 'resolved' } })
    const again = await rate(chief, c.id, { score: 5, comment: '   ' })
    expect(again.json().case).toMatchObject({ status: 'resolved', rating: { score: 5, comment: null } })
    expect((await adminCase(c.id)).rating).toMatchObject({ score: 5, comment: null })
  })

  it('validates the body with the schema', async () => {
    const chief = freshChief()
    const { case: c } = await createCase(app, chief)
    await expertReply(app, expertHeaders, c.id, 'Odpowiedź')
    for (const payload of [
      {},
      { score: 0 },
      { score: 6 },
      { score: 3.5 },
      { score: 'pięć' },
      { score: 4, comment: 'x'.repeat(2001) },
      { score: 4, extra: true },
      { score: { $gt: 0 } }
    ]) {
      const res = await rate(chief, c.id, payload)
      expect({ payload, status: res.statusCode, code: res.json().code }).toEqual({ payload, status: 400, code: 'VALIDATION_FAILED' })
    }
    expect((await adminCase(c.id)).rating).toBeNull()
  })

  it('is for the owning chief only: another office gets 404, employees and clients 403, and nothing is stored', async () => {
    const { case: c } = await createCase(app, 'chiefOffice')
    await expertReply(app, expertHeaders, c.id, 'Odpowiedź')
    const foreign = await rate('chiefOtherOffice', c.id, { score: 1 })
    expect({ status: foreign.statusCode, code: foreign.json().code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' })
    for (const persona of ['employee', 'client'] as const) {
      const res = await rate(persona, c.id, { score: 1 })
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 403, code: 'ONLY_OFFICE_CHIEF' })
    }
    const missing = await rate('chiefOffice', '0123456789abcdef01234567', { score: 1 })
    expect(missing.statusCode).toBe(404)
    expect((await adminCase(c.id)).rating).toBeNull()
  })
})
