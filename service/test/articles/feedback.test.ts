import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, expertHeaders, userHeaders } from '../helpers/content.js'

// "Czy to pomogło?" under an article (issue 15 item 5), on the real database.
let app: FastifyInstance
let admin: Record<string, string>
let articleId: string

beforeAll(async () => {
  app = await buildTestApp()
  admin = (await expertHeaders(app)).headers
  articleId = (await createArticle(app, admin, { slug: 'korekta-faktury', title: 'Korekta faktury', body: 'Kliknij **Koryguj**.' })).id
  await createArticle(app, admin, { slug: 'szkic', title: 'Szkic', body: 'x', published: false })
})
afterAll(() => app.close())

const vote = async (headers: Record<string, string>, payload: Record<string, unknown>, slug = 'korekta-faktury') =>
  app.inject({ method: 'POST', url: `/api/v1/articles/${slug}/feedback`, headers, payload })
const adminFeedback = async () =>
  (await app.inject({ method: 'GET', url: `/admin/v1/articles/${articleId}/feedback`, headers: admin })).json() as {
    counts: { helpful: number; notHelpful: number }
    comments: Array<{ helpful: boolean; comment: string; role: string }>
  }

describe('article feedback', () => {
  it('stores one vote per user and article; voting again replaces it; counts follow', async () => {
    const chief = await userHeaders('chiefOffice')
    const employee = await userHeaders('employee')
    const before = (await app.inject({ method: 'GET', url: '/admin/v1/articles/' + articleId, headers: admin })).json() as { updatedAt: string }

    const first = await vote(chief, { helpful: false, comment: '  Brakuje korekty zaliczki.  ' })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ feedback: { helpful: false, comment: 'Brakuje korekty zaliczki.' } })
    expect((await vote(employee, { helpful: true })).statusCode).toBe(200)
    expect((await adminFeedback()).counts).toEqual({ helpful: 1, notHelpful: 1 })

    // The chief changes their mind: still one vote, now helpful, comment gone.
    expect((await vote(chief, { helpful: true, comment: '' })).json()).toMatchObject({ feedback: { helpful: true, comment: null } })
    const after = await adminFeedback()
    expect(after.counts).toEqual({ helpful: 2, notHelpful: 0 })
    expect(after.comments).toEqual([])
    expect(await app.models.ArticleFeedback.countDocuments({ articleId })).toBe(2)

    // Counts are in the admin list too; a vote does not change the article's date.
    const list = (await app.inject({ method: 'GET', url: '/admin/v1/articles', headers: admin })).json() as {
      items: Array<{ id: string; feedback: unknown; updatedAt: string }>
    }
    const row = list.items.find((i) => i.id === articleId)!
    expect(row.feedback).toEqual({ helpful: 2, notHelpful: 0 })
    expect(row.updatedAt).toBe(before.updatedAt)
  })

  it('the article shows the caller’s own vote, nobody else’s', async () => {
    const client = await userHeaders('client')
    await vote(client, { helpful: false, comment: 'Nie ma zrzutów ekranu' })
    const mine = (await app.inject({ method: 'GET', url: '/api/v1/articles/korekta-faktury', headers: client })).json() as { yourFeedback: unknown }
    expect(mine.yourFeedback).toMatchObject({ helpful: false, comment: 'Nie ma zrzutów ekranu' })
    const other = (
      await app.inject({ method: 'GET', url: '/api/v1/articles/korekta-faktury', headers: await userHeaders('chiefOffice', { sub: 'someone-new' }) })
    ).json() as { yourFeedback: unknown }
    expect(other.yourFeedback).toBeNull()
    expect((await adminFeedback()).comments).toEqual([expect.objectContaining({ helpful: false, comment: 'Nie ma zrzutów ekranu', role: 'client' })])
  })

  it('refuses unpublished or unknown articles, bad bodies and missing tokens', async () => {
    const chief = await userHeaders('chiefOffice')
    expect((await vote(chief, { helpful: true }, 'szkic')).json()).toMatchObject({ code: 'ARTICLE_NOT_FOUND' })
    expect((await vote(chief, { helpful: true }, 'nie-ma')).statusCode).toBe(404)
    expect((await vote(chief, { helpful: 'tak' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect((await vote(chief, { helpful: true, comment: 'x'.repeat(2001) })).statusCode).toBe(400)
    expect((await vote({}, { helpful: true })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: `/admin/v1/articles/${articleId}/feedback` })).statusCode).toBe(401)
  })

  it('deleting the article deletes its votes', async () => {
    const { id } = await createArticle(app, admin, { slug: 'do-usuniecia', title: 'Do usunięcia', body: 'x' })
    await vote(await userHeaders('chiefOffice'), { helpful: true }, 'do-usuniecia')
    expect(await app.models.ArticleFeedback.countDocuments({ articleId: id })).toBe(1)
    expect((await app.inject({ method: 'DELETE', url: `/admin/v1/articles/${id}`, headers: admin })).statusCode).toBe(204)
    expect(await app.models.ArticleFeedback.countDocuments({ articleId: id })).toBe(0)
  })
})
