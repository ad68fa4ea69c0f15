import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { createArticle, expertHeaders, userHeaders } from '../helpers/content.js'
import { createCase, expertReply } from '../helpers/factories.js'
import { TEST_APP } from '../helpers/tokens.js'

/** The console's knowledge-base editor (issue 14 item 2): preview, drafts, publishing, renames, drafts from answers. */
let app: FastifyInstance
let admin: Record<string, string>
let plainExpert: Record<string, string>

beforeAll(async () => {
  app = await buildTestApp()
  admin = (await expertHeaders(app, true)).headers
  plainExpert = (await expertHeaders(app, false)).headers
})
afterAll(() => app.close())

const patch = (id: string, payload: object) => app.inject({ method: 'PATCH', url: `/admin/v1/articles/${id}`, headers: admin, payload })
const preview = (body: string, headers = admin) => app.inject({ method: 'POST', url: '/admin/v1/articles/preview', headers, payload: { body } })
const auditActions = async (id: string) => {
  const res = await app.inject({ method: 'GET', url: `/admin/v1/audit?targetType=article&targetId=${id}`, headers: admin })
  expect(res.statusCode, res.body).toBe(200)
  return (res.json() as { items: Array<{ action: string }> }).items.map((e) => e.action)
}

describe('live preview', () => {
  it('renders a <script> and a javascript: link exactly as the stored article does', async () => {
    const body = '# Tytuł\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1)) i [inny](article:inny-artykul) i ![x](http://obraz.example/a.png)'
    const res = await preview(body)
    expect(res.statusCode, res.body).toBe(200)
    const { html, excerpt } = res.json() as { html: string; excerpt: string }
    const stored = await createArticle(app, admin, { slug: 'podglad-zgodny', title: 'Podgląd', body, published: false })
    expect(html).toBe(stored.html)
    expect(html).not.toMatch(/<script|href="javascript:|<img/i)
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('data-article="inny-artykul"')
    expect(excerpt).toContain('Tytuł')
  })

  it('accepts an empty body (the editor starts empty) and answers a malformed article link with 400 as a save would', async () => {
    expect((await preview('')).json()).toEqual({ html: '', excerpt: '' })
    const bad = await preview('[x](article:%E0%A4%A)')
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(bad.json().code).toBe('VALIDATION_FAILED')
    const tooLong = await preview('x'.repeat(100_001))
    expect(tooLong.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
    const extra = await app.inject({ method: 'POST', url: '/admin/v1/articles/preview', headers: admin, payload: { body: 'x', html: '<b>' } })
    expect(extra.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
  })

  it('is refused to end users, to callers without a key and to experts without the admin role', async () => {
    expect((await preview('x', await userHeaders('chiefOffice'))).statusCode).toBe(401)
    expect((await preview('x', {})).statusCode).toBe(401)
    expect((await preview('x', plainExpert)).json()).toMatchObject({ status: 403, code: 'ADMIN_ROLE_REQUIRED' })
  })
})

describe('drafts, publishing and renames', () => {
  it('serves a draft to nobody, a published article to its app, and an unpublished one to nobody again', async () => {
    const user = await userHeaders('employee')
    const draft = await createArticle(app, admin, {
      slug: 'szkic-wydawniczy',
      title: 'Zmiana stawki ryczałtu',
      body: 'Jak zmienić stawkę ryczałtu w ustawieniach.',
      published: false
    })
    const read = () => app.inject({ method: 'GET', url: '/api/v1/articles/szkic-wydawniczy', headers: user })
    const found = async () =>
      ((await app.inject({ method: 'GET', url: '/api/v1/articles?q=ryczalt', headers: user })).json().items as Array<{ slug: string }>).map((i) => i.slug)
    const suggested = async () =>
      (
        (await app.inject({ method: 'GET', url: `/api/v1/suggestions?q=${encodeURIComponent('stawka ryczałtu')}`, headers: user })).json().items as Array<{
          slug?: string
        }>
      ).map((i) => i.slug)
    expect((await read()).json()).toMatchObject({ status: 404, code: 'ARTICLE_NOT_FOUND' })
    expect(await found()).not.toContain('szkic-wydawniczy')
    expect(await suggested()).not.toContain('szkic-wydawniczy')

    expect((await patch(draft.id, { published: true })).json()).toMatchObject({ published: true })
    expect((await read()).statusCode).toBe(200)
    expect(await found()).toContain('szkic-wydawniczy')
    expect(await suggested()).toContain('szkic-wydawniczy')

    expect((await patch(draft.id, { published: false })).json()).toMatchObject({ published: false })
    expect((await read()).statusCode).toBe(404)
    expect(await found()).not.toContain('szkic-wydawniczy')
    expect(await suggested()).not.toContain('szkic-wydawniczy')

    expect(await auditActions(draft.id)).toEqual(['article.unpublished', 'article.published', 'article.created'])
  })

  it('keeps an old slug working after a rename: the API answers with the article under its new slug, votes count for it', async () => {
    const user = await userHeaders('employee')
    const article = await createArticle(app, admin, { slug: 'stary-adres', title: 'Adres', body: 'Treść o adresie.' })
    const renamed = await patch(article.id, { slug: 'nowy-adres', title: 'Nowy adres' })
    expect(renamed.json()).toMatchObject({ slug: 'nowy-adres', previousSlugs: ['stary-adres'] })
    const viaOld = await app.inject({ method: 'GET', url: '/api/v1/articles/stary-adres', headers: user })
    expect(viaOld.statusCode).toBe(200)
    expect(viaOld.json()).toMatchObject({ slug: 'nowy-adres', title: 'Nowy adres' })
    expect((await app.inject({ method: 'GET', url: '/api/v1/articles/nowy-adres', headers: user })).statusCode).toBe(200)
    const vote = await app.inject({ method: 'POST', url: '/api/v1/articles/stary-adres/feedback', headers: user, payload: { helpful: true } })
    expect(vote.statusCode, vote.body).toBe(200)
    expect((await app.inject({ method: 'GET', url: `/admin/v1/articles/${article.id}/feedback`, headers: admin })).json().counts).toEqual({
      helpful: 1,
      notHelpful: 0
    })

    // Renamed twice: both earlier slugs lead here; taking one back removes it from the list.
    expect((await patch(article.id, { slug: 'trzeci-adres' })).json().previousSlugs).toEqual(['stary-adres', 'nowy-adres'])
    expect((await app.inject({ method: 'GET', url: '/api/v1/articles/stary-adres', headers: user })).json().slug).toBe('trzeci-adres')
    expect((await patch(article.id, { slug: 'stary-adres' })).json().previousSlugs).toEqual(['nowy-adres', 'trzeci-adres'])

    // Another article that takes over an old slug owns it from then on.
    await createArticle(app, admin, { slug: 'nowy-adres', title: 'Inny artykuł', body: 'Inna treść.' })
    expect((await app.inject({ method: 'GET', url: '/api/v1/articles/nowy-adres', headers: user })).json().title).toBe('Inny artykuł')

    // An unpublished article answers to none of its slugs.
    await patch(article.id, { published: false })
    expect((await app.inject({ method: 'GET', url: '/api/v1/articles/trzeci-adres', headers: user })).statusCode).toBe(404)
    expect(await auditActions(article.id)).toEqual(['article.unpublished', 'article.updated', 'article.updated', 'article.updated', 'article.created'])
  })

  it('lists helpfulness per article (yes/no counts from Czy to pomogło?)', async () => {
    const article = await createArticle(app, admin, { slug: 'pomocny', title: 'Pomocny artykuł', body: 'Treść.' })
    await app.inject({ method: 'POST', url: '/api/v1/articles/pomocny/feedback', headers: await userHeaders('employee'), payload: { helpful: true } })
    await app.inject({
      method: 'POST',
      url: '/api/v1/articles/pomocny/feedback',
      headers: await userHeaders('chiefOffice'),
      payload: { helpful: false, comment: 'Brak przykładu' }
    })
    const items = (await app.inject({ method: 'GET', url: '/admin/v1/articles?q=pomocny', headers: admin })).json().items as Array<{
      id: string
      feedback: object
      updatedAt: string
    }>
    expect(items.find((i) => i.id === article.id)).toMatchObject({ feedback: { helpful: 1, notHelpful: 1 } })
  })
})

describe('new articles from the editor', () => {
  it('makes the slug of the title and the category id of its name when they are left out', async () => {
    const post = () =>
      app.inject({
        method: 'POST',
        url: '/admin/v1/articles',
        headers: admin,
        payload: { appId: TEST_APP.id, title: 'Łączenie kont w Żabce', body: 'Treść.', category: { name: 'Księgowość Ogólna' } }
      })
    const first = await post()
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ slug: 'laczenie-kont-w-zabce', category: { id: 'ksiegowosc-ogolna', name: 'Księgowość Ogólna' }, published: false })
    expect((await post()).json().slug).toBe('laczenie-kont-w-zabce-2')
    const moved = await patch(first.json().id, { category: { name: 'Płace' } })
    expect(moved.json().category).toEqual({ id: 'place', name: 'Płace' })
    const blank = await app.inject({
      method: 'POST',
      url: '/admin/v1/articles',
      headers: admin,
      payload: { appId: TEST_APP.id, title: 'T', body: 'B', category: { name: '  ' } }
    })
    expect(blank.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
  })
})

describe('Utwórz artykuł z odpowiedzi', () => {
  it('makes a draft from an expert answer: case subject as title, answer as body, unique slug, not published', async () => {
    const created = await createCase(app, 'chiefOffice', { subject: 'Jak wystawić fakturę zaliczkową?', question: 'Nie wiem, gdzie jest opcja.' })
    const answer = await expertReply(app, admin, created.case.id, 'Wybierz **Sprzedaż » Faktura zaliczkowa**.\n\n<script>alert(1)</script>')
    expect(answer.statusCode, answer.body).toBe(201)
    const messageId = answer.json().message.id as string
    const make = () => app.inject({ method: 'POST', url: '/admin/v1/articles/from-message', headers: admin, payload: { messageId } })
    const first = await make()
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({
      appId: TEST_APP.id,
      slug: 'jak-wystawic-fakture-zaliczkowa',
      title: 'Jak wystawić fakturę zaliczkową?',
      published: false,
      category: { id: 'do-uporzadkowania' }
    })
    // The answer arrived as a multipart field (CRLF line ends); the draft keeps it as written.
    expect(first.json().body.replace(/\r\n/g, '\n')).toBe('Wybierz **Sprzedaż » Faktura zaliczkowa**.\n\n<script>alert(1)</script>')
    expect(first.json().html).not.toContain('<script')
    expect((await make()).json().slug).toBe('jak-wystawic-fakture-zaliczkowa-2')
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/articles/jak-wystawic-fakture-zaliczkowa', headers: await userHeaders('employee') })).statusCode
    ).toBe(404)
    expect(await auditActions(first.json().id)).toEqual(['article.created'])
  })

  it('refuses internal notes, the chief’s own message, unknown ids, bad ids and experts without the admin role', async () => {
    const created = await createCase(app, 'chiefOffice', { subject: 'Notatki' })
    const note = await expertReply(app, admin, created.case.id, 'Tylko dla zespołu', { internal: true })
    const make = (messageId: string, headers = admin) => app.inject({ method: 'POST', url: '/admin/v1/articles/from-message', headers, payload: { messageId } })
    for (const id of [note.json().message.id, created.message.id, '0123456789abcdef01234567']) {
      const res = await make(id)
      expect({ id, status: res.statusCode, code: res.json().code, type: res.headers['content-type'] }).toMatchObject({
        id,
        status: 404,
        code: 'MESSAGE_NOT_FOUND',
        type: expect.stringContaining('problem+json')
      })
    }
    expect((await make('nie-id')).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
    expect((await make(created.message.id, plainExpert)).json()).toMatchObject({ status: 403, code: 'ADMIN_ROLE_REQUIRED' })
  })
})
