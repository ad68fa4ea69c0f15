import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { TEST_APP } from '../../helpers/tokens.js'
import { authFor, createCase, createExpert, expertReply, samples } from '../../helpers/factories.js'

export interface Seeded {
  adminAuth: Record<string, string>
  expertAuth: Record<string, string>
  caseId: string
  attachmentId: string
  internalAttachmentId: string
  articleId: string
  articleSlug: string
  threadId: string
  postId: string
}

async function ok(res: { statusCode: number; body: string }, status: number): Promise<Record<string, any>> {
  expect(res.statusCode, res.body).toBe(status)
  return JSON.parse(res.body || '{}')
}

/** One of everything, through the real endpoints: a case with attachments, an internal note, an article, a thread with a reply. */
export async function seedEverything(app: FastifyInstance): Promise<Seeded> {
  const admin = await createExpert(app, { name: 'Adam Admin', admin: true })
  const expert = await createExpert(app, { name: 'Ewa Ekspert' })
  const created = await createCase(app, 'chiefOffice', { question: 'Jak dodać fakturę?', files: [{ name: 'zrzut.png', data: samples.png, type: 'image/png' }] })
  const note = await ok(
    await expertReply(app, expert.headers, created.case.id, 'Notatka wewnętrzna', { internal: true, files: [{ name: 'log.pdf', data: samples.pdf }] }),
    201
  )
  await ok(await expertReply(app, expert.headers, created.case.id, 'Odpowiedź eksperta'), 201)
  const article = await ok(
    await app.inject({
      method: 'POST',
      url: '/admin/v1/articles',
      headers: admin.headers,
      payload: {
        appId: TEST_APP.id,
        slug: 'jak-dodac-fakture',
        title: 'Jak dodać fakturę',
        body: '# Faktura\n\nKliknij **Dodaj**.',
        category: { id: 'faktury', name: 'Faktury' },
        published: true
      }
    }),
    201
  )
  const thread = await ok(
    await app.inject({
      method: 'POST',
      url: '/api/v1/forum/threads',
      headers: await authFor('employee'),
      payload: { title: 'Korekta faktury', body: 'Jak zrobić korektę?' }
    }),
    201
  )
  const post = await ok(
    await app.inject({
      method: 'POST',
      url: `/api/v1/forum/threads/${thread.thread.id}/replies`,
      headers: await authFor('client'),
      payload: { body: 'Faktury » Korekta.' }
    }),
    201
  )
  return {
    adminAuth: admin.headers,
    expertAuth: expert.headers,
    caseId: created.case.id,
    attachmentId: created.message.attachments[0]!.id,
    internalAttachmentId: note.message.attachments[0].id,
    articleId: article.id,
    articleSlug: article.slug,
    threadId: thread.thread.id,
    postId: post.post.id
  }
}
