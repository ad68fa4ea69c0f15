import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, freshChief, multipart, postCase } from '../helpers/factories.js'
import { personas } from '../helpers/tokens.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('POST /api/v1/cases', () => {
  it('creates an open case from the office account with its first message', async () => {
    const { case: c, message } = await createCase(app, 'chiefOffice', {
      question: '  Jak dodać fakturę korygującą?\nKlient zwrócił towar.',
      pageUrl: 'https://app.example/faktury'
    })
    expect(c).toMatchObject({
      status: 'open',
      accountLabel: 'Konto biura',
      entryPoint: 'sidebar',
      unread: false,
      archived: false,
      messageCount: 1,
      aboutSystemUsage: false,
      lastActivityBy: 'chief'
    })
    expect(c.subject).toBe('Jak dodać fakturę korygującą?')
    expect(message).toMatchObject({ caseId: c.id, author: { kind: 'chief', id: 'chief-a', name: 'Anna Szef' }, attachments: [] })
    expect(message).not.toHaveProperty('internal')
    const stored = await app.models.Case.findById(c.id).lean()
    expect(stored).toMatchObject({ appId: 'test-app', officeId: 'office-a', expertUnread: true, context: { pageUrl: 'https://app.example/faktury' } })
  })

  it('labels a case asked from a client account, in the token locale', async () => {
    const pl = await createCase(app, 'chiefClient')
    expect(pl.case.account).toEqual({ type: 'client', id: 'client-1', name: 'Piekarnia Bułka sp. z o.o.' })
    expect(pl.case.accountLabel).toBe('Klient: Piekarnia Bułka sp. z o.o.')
    const en = await createCase(app, { ...personas.chiefClient, locale: 'en' })
    expect(en.case.accountLabel).toBe('Client: Piekarnia Bułka sp. z o.o.')
  })

  it('keeps a given subject and numbers the cases of one office one after another (more in security/case-numbers.test.ts)', async () => {
    const chief = freshChief()
    const a = await createCase(app, chief, { subject: 'Korekta', question: 'Treść' })
    const b = await createCase(app, chief)
    expect(a.case.subject).toBe('Korekta')
    expect(b.case.number).toBe(a.case.number + 1)
  })

  it.each(['employee', 'client'] as const)('refuses a %s with 403 ONLY_OFFICE_CHIEF', async (persona) => {
    const res = await postCase(app, persona)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('ONLY_OFFICE_CHIEF')
  })

  it('with an inactive package accepts only START » WIADOMOŚCI and marks the case as about using the system', async () => {
    for (const entryPoint of ['sidebar', 'avatar']) {
      const res = await postCase(app, 'chiefInactive', { entryPoint })
      expect(res.statusCode).toBe(403)
      expect(res.json().code).toBe('PACKAGE_INACTIVE')
    }
    const ok = await createCase(app, 'chiefInactive', { entryPoint: 'messages' })
    expect(ok.case).toMatchObject({ entryPoint: 'messages', aboutSystemUsage: true })
  })

  it('accepts fields after the files', async () => {
    const form = new FormData()
    form.append('files', new Blob(['a;b\n1;2\n']), 'dane.csv')
    form.append('question', 'Pola po plikach')
    form.append('entryPoint', 'avatar')
    const request = new Request('http://x', { method: 'POST', body: form })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type')!, ...(await authFor('chiefOffice')) }
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().message.attachments[0]).toMatchObject({ filename: 'dane.csv', contentType: 'text/csv' })
  })

  it.each([
    ['a missing question', { entryPoint: 'sidebar' }],
    ['a blank question', { question: ' \n\t ', entryPoint: 'sidebar' }],
    ['a question over 10 000 characters', { question: 'x'.repeat(10_001), entryPoint: 'sidebar' }],
    ['an unknown entry point', { question: 'Q', entryPoint: 'footer' }],
    ['an unknown field', { question: 'Q', entryPoint: 'sidebar', status: 'resolved' }],
    ['a page URL that is not http(s)', { question: 'Q', entryPoint: 'sidebar', pageUrl: 'javascript:alert(1)' }],
    ['a subject over 200 characters', { question: 'Q', entryPoint: 'sidebar', subject: 's'.repeat(201) }]
  ])('rejects %s with 400 VALIDATION_FAILED', async (_label, fields) => {
    const body = await multipart(fields as Record<string, string>)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: body.payload,
      headers: { ...body.headers, ...(await authFor('chiefOffice')) }
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^body\//) })])
    })
  })

  it('rejects a JSON body: the form is multipart', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { question: 'Q', entryPoint: 'sidebar' },
      headers: await authFor('chiefOffice')
    })
    expect(res.statusCode).toBe(415)
  })

  it('rejects broken multipart with a 4xx, never a 5xx', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: '--xyz\r\nContent-Disposition: form-data; name="question"\r\n\r\nQ',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', ...(await authFor('chiefOffice')) }
    })
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
  })
})
