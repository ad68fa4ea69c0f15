import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, chiefReply, createCase, createExpert, expertReply, freshChief, postCase } from '../helpers/factories.js'
import { createArticle, createThread, expertHeaders } from '../helpers/content.js'

let app: FastifyInstance
let expert: Record<string, string>
let admin: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp()
  expert = (await createExpert(app)).headers
  admin = (await createExpert(app, { name: 'Ada Admin', admin: true })).headers
})
afterAll(() => app.close())

const today = () => new Date().toISOString().slice(0, 10)
const report = async (query: string, headers = expert) => app.inject({ method: 'GET', url: `/admin/v1/stats?${query}`, headers })

describe('GET /admin/v1/stats', () => {
  it('counts cases opened, answered, resolved, reopened and rated through the API, per office', async () => {
    const chief = freshChief()
    const officeId = (chief.office as { id: string }).id
    const [a, b] = [(await createCase(app, chief)).case, (await createCase(app, chief)).case]
    await createCase(app, chief)
    expect((await expertReply(app, expert, a.id, 'Odpowiedź A')).statusCode).toBe(201)
    expect((await expertReply(app, expert, b.id, 'Odpowiedź B')).statusCode).toBe(201)
    await expertReply(app, expert, b.id, 'Druga odpowiedź nie jest pierwszą')
    await expertReply(app, expert, a.id, 'notatka', { internal: true })
    expect((await app.inject({ method: 'PATCH', url: `/admin/v1/cases/${a.id}`, headers: expert, payload: { status: 'resolved' } })).statusCode).toBe(200)
    await chiefReply(app, chief, a.id, 'Jednak jeszcze jedno pytanie')
    const rate = async (score: number) => app.inject({ method: 'POST', url: `/api/v1/cases/${b.id}/rating`, headers: await authFor(chief), payload: { score } })
    expect((await rate(4)).statusCode).toBe(200)
    expect((await rate(2)).statusCode).toBe(200)

    const res = await report(`from=${today()}&to=${today()}&officeId=${encodeURIComponent(officeId)}`)
    expect(res.statusCode, res.body).toBe(200)
    const r = res.json()
    expect(r.days).toEqual([{ day: today(), opened: 3, resolved: 1, reopened: 1, firstResponses: 2, ratings: 1 }])
    expect(r.totals).toEqual({ opened: 3, resolved: 1, reopened: 1 })
    expect(r.firstResponse).toMatchObject({ count: 2, median: { fromMinutes: 0, toMinutes: 1 }, p90: { fromMinutes: 0, toMinutes: 1 } })
    expect(r.resolution).toMatchObject({ count: 1, median: { fromMinutes: 0, toMinutes: 1 } })
    expect(r.withinTarget).toEqual({ targetMinutes: 240, answered: 2, within: 2, share: 1 })
    expect(r.backlog).toMatchObject({ under4h: 3, under24h: 0, under3d: 0, older: 0, total: 3 })
    expect(r.satisfaction).toEqual({ count: 1, average: 2, scores: [0, 1, 0, 0, 0] })

    // The all-offices report holds this office's counts too.
    const all = (await report(`from=${today()}&to=${today()}`)).json()
    expect(all.totals.opened).toBeGreaterThanOrEqual(3)
    expect(all.officeId).toBeNull()
  })

  it("counts article reads and deflection from the widget's requests (?via=suggestion, afterSuggestion)", async () => {
    const chief = freshChief()
    const officeId = (chief.office as { id: string }).id
    const user = await authFor(chief)
    const { headers: author } = await expertHeaders(app)
    const often = await createArticle(app, author, { slug: `czesto-${officeId}`, title: 'Często czytany', body: 'Treść' })
    const once = await createArticle(app, author, { slug: `raz-${officeId}`, title: 'Raz czytany', body: 'Treść' })
    const thread = await createThread(app, user, 'Wątek z podpowiedzi')
    const open = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: user })
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200)
    }
    // Three questions being written: each opened a suggestion first (two articles, one thread)...
    await open(`/api/v1/articles/${often.slug}?via=suggestion`)
    await open(`/api/v1/articles/${often.slug}`)
    await open(`/api/v1/articles/${once.slug}?via=suggestion`)
    await open(`/api/v1/forum/threads/${thread.id}?via=suggestion`)
    await open(`/api/v1/forum/threads/${thread.id}`)
    await open(`/api/v1/articles/${often.slug}`)
    // ...and one of them was sent anyway; another question had opened no suggestion.
    await createCase(app, chief, { afterSuggestion: 'true' })
    await createCase(app, chief, { afterSuggestion: 'false' })
    await createCase(app, chief)
    for (const bad of ['yes', '']) expect((await postCase(app, chief, { afterSuggestion: bad })).statusCode).toBe(400)
    for (const url of [`/api/v1/articles/${often.slug}?via=search`, `/api/v1/forum/threads/${thread.id}?via=x`]) {
      const res = await app.inject({ method: 'GET', url, headers: user })
      expect({ url, status: res.statusCode, code: res.json().code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' })
    }

    const r = (await report(`from=${today()}&to=${today()}&officeId=${encodeURIComponent(officeId)}`)).json()
    expect(r.deflection).toEqual({ draftsWithSuggestion: 3, askedAfterSuggestion: 1, deflected: 2, share: 2 / 3 })
    expect(r.articles.mostRead).toEqual([
      { articleId: often.id, title: 'Często czytany', slug: often.slug, reads: 3 },
      { articleId: once.id, title: 'Raz czytany', slug: once.slug, reads: 1 }
    ])
    expect(r.totals.opened).toBe(3)
    // Another office's report does not see these reads; all offices does.
    const other = (await report(`from=${today()}&to=${today()}&officeId=office-elsewhere`)).json()
    expect([other.deflection.draftsWithSuggestion, other.articles.mostRead]).toEqual([0, []])
    const all = (await report(`from=${today()}&to=${today()}`)).json()
    expect(all.articles.mostRead.find((a: { articleId: string }) => a.articleId === often.id)?.reads).toBeGreaterThanOrEqual(3)
  })

  it('refuses callers who are not experts', async () => {
    for (const headers of [{}, await authFor('chiefOffice'), { authorization: 'Bearer zek_not-a-key' }]) {
      const res = await report(`from=${today()}&to=${today()}`, headers)
      expect({ status: res.statusCode, type: res.headers['content-type'] }).toEqual({ status: 401, type: expect.stringContaining('application/problem+json') })
    }
  })

  it('answers a bad period with a 400 problem', async () => {
    for (const query of [
      '',
      'from=2026-11-02',
      'from=2026-11-05&to=2026-11-01',
      'from=2025-01-01&to=2026-11-01',
      'from=2026-02-30&to=2026-03-01',
      'from=yesterday&to=today',
      `from=${today()}&to=${today()}&officeId=`,
      `from=${today()}&to=${today()}&extra=1`
    ]) {
      const res = await report(query)
      expect({ query, status: res.statusCode, code: res.json().code, type: res.headers['content-type'] }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
        type: expect.stringContaining('application/problem+json')
      })
    }
  })

  it('lets only an admin set the response-time target, to one of the bucket bounds', async () => {
    const put = (headers: Record<string, string>, payload: unknown) =>
      app.inject({ method: 'PUT', url: '/admin/v1/stats/settings', headers, payload: payload as object })
    const refused = await put(expert, { targetMinutes: 60 })
    expect({ status: refused.statusCode, code: refused.json().code }).toEqual({ status: 403, code: 'ADMIN_ROLE_REQUIRED' })
    for (const bad of [{ targetMinutes: 61 }, { targetMinutes: '60' }, {}, { targetMinutes: 60, x: 1 }]) expect((await put(admin, bad)).statusCode).toBe(400)
    expect((await put(admin, { targetMinutes: 60 })).json()).toEqual({ targetMinutes: 60 })
    expect((await app.inject({ method: 'GET', url: '/admin/v1/stats/settings', headers: expert })).json()).toEqual({ targetMinutes: 60 })
    expect((await report(`from=${today()}&to=${today()}`)).json().withinTarget.targetMinutes).toBe(60)
    await put(admin, { targetMinutes: 240 })
  })
})
