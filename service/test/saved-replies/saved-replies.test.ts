import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createExpert } from '../helpers/factories.js'

let app: FastifyInstance
let admin: Record<string, string>
let ewa: Record<string, string>
let jan: Record<string, string>

beforeAll(async () => {
  app = await buildTestApp()
  admin = (await createExpert(app, { name: 'Ola Admin', admin: true })).headers
  ewa = (await createExpert(app, { name: 'Ewa Ekspert' })).headers
  jan = (await createExpert(app, { name: 'Jan Ekspert' })).headers
})
afterAll(() => app.close())

const url = '/admin/v1/saved-replies'
const create = (headers: Record<string, string>, payload: Record<string, unknown>) => app.inject({ method: 'POST', url, headers, payload })
const list = async (headers: Record<string, string>) => {
  const res = await app.inject({ method: 'GET', url, headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as Array<{ id: string; title: string; scope: string; owner: { name: string } | null; tags: string[] }>
}

describe('saved replies', () => {
  it('every expert reads shared ones and only their own personal ones, by title', async () => {
    const shared = await create(admin, {
      scope: 'shared',
      title: 'B — Korekta faktury',
      body: 'Dzień dobry {{imie}}, korekta: Faktury » Korekty.',
      tags: ['Faktury', ' korekta ']
    })
    expect(shared.statusCode, shared.body).toBe(201)
    expect(shared.json()).toMatchObject({ scope: 'shared', owner: null, tags: ['faktury', 'korekta'], updatedBy: { name: 'Ola Admin' } })
    const mine = await create(ewa, { scope: 'personal', title: 'A — Powitanie Ewy', body: 'Dzień dobry {{imie}},' })
    expect(mine.json()).toMatchObject({ scope: 'personal', owner: { name: 'Ewa Ekspert' }, tags: [] })
    await create(jan, { scope: 'personal', title: 'A — Powitanie Jana', body: 'Witam,' })

    expect((await list(ewa)).map((r) => r.title)).toEqual(['A — Powitanie Ewy', 'B — Korekta faktury'])
    expect((await list(jan)).map((r) => r.title)).toEqual(['A — Powitanie Jana', 'B — Korekta faktury'])
  })

  it('a non-admin expert cannot create, edit or delete shared replies (403), an admin can', async () => {
    expect((await create(ewa, { scope: 'shared', title: 'Wspólna', body: 'Treść' })).json()).toMatchObject({ status: 403, code: 'ADMIN_ROLE_REQUIRED' })
    const shared = (await create(admin, { scope: 'shared', title: 'Wspólna', body: 'Treść' })).json()
    const edit = await app.inject({ method: 'PATCH', url: `${url}/${shared.id}`, headers: ewa, payload: { body: 'Zmienione' } })
    expect(edit.statusCode).toBe(403)
    expect(edit.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(edit.json().code).toBe('ADMIN_ROLE_REQUIRED')
    expect((await app.inject({ method: 'DELETE', url: `${url}/${shared.id}`, headers: ewa })).json().code).toBe('ADMIN_ROLE_REQUIRED')

    const edited = await app.inject({ method: 'PATCH', url: `${url}/${shared.id}`, headers: admin, payload: { body: 'Nowa treść {{numer}}', tags: ['x'] } })
    expect(edited.json()).toMatchObject({ body: 'Nowa treść {{numer}}', title: 'Wspólna', tags: ['x'] })
    expect((await app.inject({ method: 'DELETE', url: `${url}/${shared.id}`, headers: admin })).statusCode).toBe(204)
    expect((await list(ewa)).some((r) => r.id === shared.id)).toBe(false)
  })

  it('personal replies are changed only by their owner; to anyone else they do not exist (404)', async () => {
    const mine = (await create(ewa, { scope: 'personal', title: 'Moja', body: 'Treść' })).json()
    for (const other of [jan, admin]) {
      const res = await app.inject({ method: 'PATCH', url: `${url}/${mine.id}`, headers: other, payload: { title: 'Cudza' } })
      expect(res.json()).toMatchObject({ status: 404, code: 'SAVED_REPLY_NOT_FOUND' })
    }
    const renamed = await app.inject({ method: 'PATCH', url: `${url}/${mine.id}`, headers: ewa, payload: { title: 'Moja (nowa)' } })
    expect(renamed.json()).toMatchObject({ title: 'Moja (nowa)', body: 'Treść' })
    expect((await app.inject({ method: 'DELETE', url: `${url}/${mine.id}`, headers: jan })).json().code).toBe('SAVED_REPLY_NOT_FOUND')
    expect((await app.inject({ method: 'DELETE', url: `${url}/${mine.id}`, headers: ewa })).statusCode).toBe(204)
    expect((await app.inject({ method: 'DELETE', url: `${url}/${mine.id}`, headers: ewa })).json().code).toBe('SAVED_REPLY_NOT_FOUND')
  })

  it('bad input answers 400 problems', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', url, { scope: 'team', title: 'X', body: 'Y' }],
      ['POST', url, { scope: 'personal', title: '   ', body: 'Y' }],
      ['POST', url, { scope: 'personal', title: 'X', body: 'y'.repeat(10_001) }],
      ['POST', url, { scope: 'personal', title: 'X', body: 'Y', tags: ['a', 'a'] }],
      ['POST', url, { scope: 'personal', title: 'X', body: 'Y', extra: 1 }],
      ['PATCH', `${url}/0123456789abcdef01234567`, {}],
      ['PATCH', `${url}/nie-id`, { title: 'X' }]
    ]
    for (const [method, path, payload] of cases) {
      const res = await app.inject({ method: method as 'POST', url: path, headers: ewa, payload: payload as object })
      expect(res.statusCode, `${method} ${path} ${JSON.stringify(payload).slice(0, 60)}`).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
  })

  it('writes are in the audit log', async () => {
    const created = (await create(admin, { scope: 'shared', title: 'Do audytu', body: 'Treść' })).json()
    const res = await app.inject({ method: 'GET', url: `/admin/v1/audit?targetType=saved-reply&targetId=${created.id}`, headers: admin })
    expect(res.json().items).toMatchObject([{ action: 'saved-reply.created', actor: { kind: 'expert', name: 'Ola Admin' }, detail: { scope: 'shared' } }])
  })
})

describe('article links for replies', () => {
  it('any expert finds published articles of the case’s app by words; drafts and other apps stay out', async () => {
    const { createArticle } = await import('../helpers/content.js')
    const { TEST_APP } = await import('../helpers/tokens.js')
    await createArticle(app, admin, { slug: 'korekta-paragonu', title: 'Korekta faktury do paragonu', body: 'Faktury » Korekty.' })
    await createArticle(app, admin, { slug: 'korekta-szkic', title: 'Korekta — szkic', body: 'Szkic.', published: false })
    const res = await app.inject({ method: 'GET', url: '/admin/v1/article-links', query: { appId: TEST_APP.id, q: 'korekta' }, headers: ewa })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().items).toEqual([{ slug: 'korekta-paragonu', title: 'Korekta faktury do paragonu', categoryName: 'Ogólne' }])
    const other = await app.inject({ method: 'GET', url: '/admin/v1/article-links', query: { appId: 'inna-aplikacja', q: 'korekta' }, headers: ewa })
    expect(other.json().items).toEqual([])
    expect((await app.inject({ method: 'GET', url: '/admin/v1/article-links', headers: ewa })).json().code).toBe('VALIDATION_FAILED')
  })
})
