import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, expertHeaders, userHeaders } from '../helpers/content.js'

let app: FastifyInstance
let user: Record<string, string>

beforeAll(async () => {
  app = await buildTestApp()
  user = await userHeaders('client')
  const { headers } = await expertHeaders(app)
  const faktury = { id: 'faktury', name: 'Faktury' }
  const jpk = { id: 'jpk-i-deklaracje', name: 'JPK i deklaracje' }
  await createArticle(app, headers, {
    slug: 'wystawianie-faktury',
    title: 'Wystawianie faktury',
    body: 'Kliknij **Dodaj**. Zobacz [korekty](article:faktura-korygujaca).',
    category: faktury,
    tags: ['sprzedaż']
  })
  await createArticle(app, headers, { slug: 'faktura-korygujaca', title: 'Faktura korygująca', body: 'Korekta do faktury.', category: faktury })
  await createArticle(app, headers, { slug: 'jpk-v7m', title: 'JPK_V7M krok po kroku', body: 'Wysyłka pliku JPK.', category: jpk })
  await createArticle(app, headers, { slug: 'ukryty', title: 'Nieopublikowany o fakturach', body: 'x', category: faktury, published: false })
  // Another app's article must never show up.
  await app.apps.upsert({ id: 'other-app', name: 'Inna aplikacja', secret: 'another-secret-that-is-long-enough-0123', allowedOrigins: [] })
  await createArticle(app, headers, { slug: 'obca', title: 'Faktura w innej aplikacji', body: 'x', category: faktury, appId: 'other-app' })
})
afterAll(() => app.close())

const list = async (query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/articles${query}`, headers: user })
  expect(res.statusCode).toBe(200)
  return res.json() as {
    items: Array<{ slug: string; category: string; categoryName: string; excerpt: string }>
    categories: Array<{ id: string; name: string; count: number }>
  }
}

describe('end-user articles', () => {
  it('lists published articles of the caller’s app with categories and counts', async () => {
    const body = await list()
    expect(body.items.map((i) => i.slug)).toEqual(['faktura-korygujaca', 'wystawianie-faktury', 'jpk-v7m'])
    expect(body.categories).toEqual([
      { id: 'faktury', name: 'Faktury', count: 2 },
      { id: 'jpk-i-deklaracje', name: 'JPK i deklaracje', count: 1 }
    ])
    expect(body.items[1]).toMatchObject({ category: 'faktury', categoryName: 'Faktury', excerpt: 'Kliknij Dodaj. Zobacz korekty.' })
  })

  it('filters by category; categories stay complete', async () => {
    const body = await list('?category=jpk-i-deklaracje')
    expect(body.items.map((i) => i.slug)).toEqual(['jpk-v7m'])
    expect(body.categories).toHaveLength(2)
  })

  it('searches within a category', async () => {
    expect((await list('?q=faktura&category=faktury')).items.map((i) => i.slug)).toEqual(['faktura-korygujaca', 'wystawianie-faktury'])
    expect((await list('?q=faktura&category=jpk-i-deklaracje')).items).toEqual([])
  })

  it('shows one article with sanitised HTML and working links to other articles', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/articles/wystawianie-faktury', headers: user })
    expect(res.json()).toEqual({
      slug: 'wystawianie-faktury',
      title: 'Wystawianie faktury',
      category: 'faktury',
      categoryName: 'Faktury',
      tags: ['sprzedaż'],
      html: '<p>Kliknij <strong>Dodaj</strong>. Zobacz <a href="#article/faktura-korygujaca" data-article="faktura-korygujaca">korekty</a>.</p>\n',
      updatedAt: expect.any(String),
      yourFeedback: null
    })
  })

  it('answers 404 ARTICLE_NOT_FOUND for unpublished, unknown and other apps’ articles', async () => {
    for (const slug of ['ukryty', 'nie-ma', 'obca']) {
      expect((await app.inject({ method: 'GET', url: `/api/v1/articles/${slug}`, headers: user })).json()).toMatchObject({
        status: 404,
        code: 'ARTICLE_NOT_FOUND'
      })
    }
  })

  it('rejects malformed or operator-shaped queries with 400', async () => {
    for (const url of [
      '/api/v1/articles?category[$ne]=x',
      '/api/v1/articles?q[$regex]=.*',
      '/api/v1/articles?category=Z%C5%82a',
      '/api/v1/articles?foo=1',
      '/api/v1/articles/Z%C5%81Y',
      `/api/v1/articles?q=${'a'.repeat(201)}`
    ]) {
      const res = await app.inject({ method: 'GET', url, headers: user })
      expect({ url, status: res.statusCode, code: res.json().code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' })
    }
  })

  it('needs an identity token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/articles' })).statusCode).toBe(401)
  })
})
