import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, expertHeaders, userHeaders } from '../helpers/content.js'
import { TEST_APP } from '../helpers/tokens.js'

let app: FastifyInstance
let admin: Record<string, string>
let plainExpert: Record<string, string>

beforeAll(async () => {
  app = await buildTestApp()
  admin = (await expertHeaders(app, true)).headers
  plainExpert = (await expertHeaders(app, false)).headers
})
afterAll(() => app.close())

const base = { appId: TEST_APP.id, category: { id: 'faktury', name: 'Faktury' } }

describe('admin article CRUD', () => {
  it('creates, reads, updates (re-rendering) and deletes an article', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/admin/v1/articles',
      headers: admin,
      payload: { ...base, slug: 'korekta', title: 'Korekta', body: 'Zobacz [fakturę](article:faktura)', tags: ['korekta'] }
    })
    expect(created.statusCode).toBe(201)
    const article = created.json()
    expect(article).toMatchObject({ slug: 'korekta', published: false, tags: ['korekta'], category: base.category, excerpt: 'Zobacz fakturę' })
    expect(article.html).toContain('data-article="faktura"')
    expect(article).not.toHaveProperty('search')

    const read = await app.inject({ method: 'GET', url: `/admin/v1/articles/${article.id}`, headers: admin })
    expect(read.json()).toMatchObject({ id: article.id, body: 'Zobacz [fakturę](article:faktura)' })

    const patched = await app.inject({
      method: 'PATCH',
      url: `/admin/v1/articles/${article.id}`,
      headers: admin,
      payload: { body: '**Nowa** treść', published: true }
    })
    expect(patched.statusCode).toBe(200)
    expect(patched.json()).toMatchObject({ html: '<p><strong>Nowa</strong> treść</p>\n', published: true, excerpt: 'Nowa treść' })
    expect(new Date(patched.json().updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(article.updatedAt).getTime())

    const user = await userHeaders('employee')
    const seen = await app.inject({ method: 'GET', url: '/api/v1/articles?q=nowa', headers: user })
    expect(seen.json().items.map((i: { slug: string }) => i.slug)).toEqual(['korekta'])

    expect((await app.inject({ method: 'DELETE', url: `/admin/v1/articles/${article.id}`, headers: admin })).statusCode).toBe(204)
    expect((await app.inject({ method: 'GET', url: `/admin/v1/articles/${article.id}`, headers: admin })).json().code).toBe('ARTICLE_NOT_FOUND')
    expect((await app.inject({ method: 'DELETE', url: `/admin/v1/articles/${article.id}`, headers: admin })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/v1/articles/korekta', headers: user })).json().code).toBe('ARTICLE_NOT_FOUND')
  })

  it('lists unpublished articles too, with filters', async () => {
    await createArticle(app, admin, { slug: 'szkic', title: 'Szkic o JPK', body: 'jeszcze nie', published: false, category: { id: 'jpk', name: 'JPK' } })
    await createArticle(app, admin, { slug: 'gotowy', title: 'Gotowy o JPK', body: 'gotowe', category: { id: 'jpk', name: 'JPK' } })
    const all = (await app.inject({ method: 'GET', url: '/admin/v1/articles?category=jpk', headers: admin })).json().items
    expect(all.map((a: { slug: string }) => a.slug).sort()).toEqual(['gotowy', 'szkic'])
    expect(all[0]).not.toHaveProperty('body')
    const drafts = (await app.inject({ method: 'GET', url: '/admin/v1/articles?published=false&q=jpk', headers: admin })).json().items
    expect(drafts.map((a: { slug: string }) => a.slug)).toEqual(['szkic'])
  })

  it('keeps slugs unique per app: 409 CONFLICT on create and on rename', async () => {
    await createArticle(app, admin, { slug: 'unikalny', title: 'A', body: 'a' })
    const dup = await app.inject({ method: 'POST', url: '/admin/v1/articles', headers: admin, payload: { ...base, slug: 'unikalny', title: 'B', body: 'b' } })
    expect(dup.json()).toMatchObject({ status: 409, code: 'CONFLICT' })
    const other = await createArticle(app, admin, { slug: 'inny', title: 'C', body: 'c' })
    const rename = await app.inject({ method: 'PATCH', url: `/admin/v1/articles/${other.id}`, headers: admin, payload: { slug: 'unikalny' } })
    expect(rename.json().code).toBe('CONFLICT')
  })

  it('refuses experts without the admin role with 403 ADMIN_ROLE_REQUIRED on every article route', async () => {
    const id = '0123456789abcdef01234567'
    for (const [method, url] of [
      ['GET', '/admin/v1/articles'],
      ['GET', `/admin/v1/articles/${id}`],
      ['POST', '/admin/v1/articles'],
      ['PATCH', `/admin/v1/articles/${id}`],
      ['DELETE', `/admin/v1/articles/${id}`]
    ] as const) {
      const res = await app.inject({ method, url, headers: plainExpert, ...(method === 'POST' || method === 'PATCH' ? { payload: { title: 'x' } } : {}) })
      expect({ method, url, status: res.statusCode, code: res.json().code }).toEqual({ method, url, status: 403, code: 'ADMIN_ROLE_REQUIRED' })
    }
  })

  it('refuses end-user tokens on admin routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/v1/articles', headers: await userHeaders() })
    expect(res.statusCode).toBe(401)
  })

  it('validates input: unknown app, bad slug, empty title, extra and operator-shaped fields', async () => {
    const post = (payload: object) => app.inject({ method: 'POST', url: '/admin/v1/articles', headers: admin, payload })
    const valid = { ...base, slug: 'walidacja', title: 'T', body: 'B' }
    expect((await post({ ...valid, appId: 'no-such-app' })).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ path: '/body/appId' }] })
    for (const bad of [
      { slug: 'Zły Slug' },
      { slug: '../etc' },
      { title: '   ' },
      { title: 'x'.repeat(201) },
      { body: '' },
      { extra: 1 },
      { slug: { $ne: '' } },
      { category: { id: 'x', name: 'X', $where: '1' } },
      { published: 'yes' }
    ]) {
      const res = await post({ ...valid, ...bad })
      expect({ bad, status: res.statusCode, code: res.json().code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' })
    }
    expect((await app.inject({ method: 'PATCH', url: '/admin/v1/articles/0123456789abcdef01234567', headers: admin, payload: {} })).statusCode).toBe(400)
    expect((await app.inject({ method: 'GET', url: '/admin/v1/articles/not-an-id', headers: admin })).statusCode).toBe(400)
    expect((await app.inject({ method: 'GET', url: '/admin/v1/articles?published[$ne]=true', headers: admin })).statusCode).toBe(400)
  })
})
