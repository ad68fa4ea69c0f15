import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, expertHeaders } from '../helpers/content.js'
import { TEST_APP } from '../helpers/tokens.js'

// Issue 16 finding 4: `[o](article:%C3%28)` reached an unguarded decodeURIComponent and answered 500.
let app: FastifyInstance
let admin: Record<string, string>
beforeAll(async () => {
  app = await buildTestApp()
  admin = (await expertHeaders(app, true)).headers
})
afterAll(() => app.close())

const base = { appId: TEST_APP.id, category: { id: 'faktury', name: 'Faktury' }, title: 'Link', tags: [] }

describe('a malformed article link', () => {
  it.each(['[o](article:%C3%28)', '[o](article:%ff)', 'Zobacz [x](article:abc%E0%A4%A) i tyle'])('is a 400 on create: %s', async (body) => {
    const res = await app.inject({ method: 'POST', url: '/admin/v1/articles', headers: admin, payload: { ...base, slug: 'zly-link', body } })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body/body' }] })
    expect(await app.db.db!.collection('articles').countDocuments({ slug: 'zly-link' })).toBe(0)
  })

  it('is a 400 on update, and the stored article is unchanged', async () => {
    const article = await createArticle(app, admin, { slug: 'dobry-link', title: 'Dobry', body: 'Zobacz [x](article:faktura)' })
    const res = await app.inject({ method: 'PATCH', url: `/admin/v1/articles/${article.id}`, headers: admin, payload: { body: '[o](article:%C3%28)' } })
    expect(res.statusCode, res.body).toBe(400)
    const read = await app.inject({ method: 'GET', url: `/admin/v1/articles/${article.id}`, headers: admin })
    expect(read.json().body).toBe('Zobacz [x](article:faktura)')
  })

  it('percent-encoded valid slugs still work', async () => {
    const article = await createArticle(app, admin, { slug: 'zakodowany', title: 'Z', body: '[x](article:faktura%2Dkorygujaca)' })
    expect(article.html).toContain('data-article="faktura-korygujaca"')
  })
})
