import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { TEST_APP } from '../../helpers/tokens.js'
import { authFor, createCase, createExpert, expertReply, multipart, samples } from '../../helpers/factories.js'

/** The resources the matrix points at: office A's, office B's and office C's (inactive package). */
export interface Fixtures {
  expertAuth: Record<string, string>
  adminAuth: Record<string, string>
  cases: Record<'A' | 'B' | 'C', string>
  attachments: Record<'A' | 'Ainternal' | 'B', string>
  articles: Record<'published' | 'draft' | 'deletable', { id: string; slug: string }>
  threads: Record<'A' | 'B', string>
  posts: Record<'A' | 'B', string>
  team: { expertId: string; keyId: string }
  /** An expert's public answer (in a case of its own, so case B stays unanswered for the rating rows). */
  answerMessageId: string
  /** `personal` belongs to the non-admin expert. */
  savedReplies: Record<'shared' | 'personal', string>
  newSharedReply: () => Promise<{ id: string }>
}

async function created(res: { statusCode: number; body: string }): Promise<any> {
  expect(res.statusCode, res.body).toBeLessThan(300)
  return JSON.parse(res.body)
}

export async function buildFixtures(app: FastifyInstance): Promise<Fixtures> {
  const expert = await createExpert(app, { name: 'Ewa Ekspert' })
  const admin = await createExpert(app, { name: 'Adam Admin', admin: true })
  const png = [{ name: 'zrzut.png', data: samples.png, type: 'image/png' }]
  const caseA = await createCase(app, 'chiefOffice', { files: png })
  const caseB = await createCase(app, 'chiefOtherOffice', { files: png })
  const caseC = await createCase(app, 'chiefInactive', { entryPoint: 'messages' })
  const note = await created(
    await expertReply(app, expert.headers, caseA.case.id, 'Notatka', { internal: true, files: [{ name: 'log.pdf', data: samples.pdf }] })
  )
  const article = async (slug: string, published: boolean) =>
    created(
      await app.inject({
        method: 'POST',
        url: '/admin/v1/articles',
        headers: admin.headers,
        payload: { appId: TEST_APP.id, slug, title: `Artykuł ${slug}`, body: 'Treść **artykułu**.', category: { id: 'faktury', name: 'Faktury' }, published }
      })
    )
  const [published, draft, deletable] = [await article('artykul', true), await article('szkic', false), await article('do-usuniecia', true)]
  const thread = async (persona: 'employee' | 'chiefOtherOffice') =>
    (
      await created(
        await app.inject({ method: 'POST', url: '/api/v1/forum/threads', headers: await authFor(persona), payload: { title: 'Korekta faktury', body: 'Jak?' } })
      )
    ).thread.id as string
  const post = async (threadId: string) =>
    (
      await created(
        await app.inject({ method: 'POST', url: `/api/v1/forum/threads/${threadId}/replies`, headers: await authFor('client'), payload: { body: 'Tak.' } })
      )
    ).post.id as string
  const threads = { A: await thread('employee'), B: await thread('chiefOtherOffice') }
  const answered = await createCase(app, 'chiefOtherOffice')
  const answer = await created(await expertReply(app, expert.headers, answered.case.id, 'Odpowiedź do artykułu'))
  const savedReply = async (headers: Record<string, string>, scope: 'shared' | 'personal') =>
    (await created(
      await app.inject({ method: 'POST', url: '/admin/v1/saved-replies', headers, payload: { scope, title: `Gotowa ${scope}`, body: 'Treść' } })
    )) as { id: string }
  return {
    expertAuth: expert.headers,
    adminAuth: admin.headers,
    cases: { A: caseA.case.id, B: caseB.case.id, C: caseC.case.id },
    attachments: { A: caseA.message.attachments[0]!.id, Ainternal: note.message.attachments[0].id, B: caseB.message.attachments[0]!.id },
    articles: {
      published: { id: published.id, slug: published.slug },
      draft: { id: draft.id, slug: draft.slug },
      deletable: { id: deletable.id, slug: deletable.slug }
    },
    threads,
    posts: { A: await post(threads.A), B: await post(threads.B) },
    team: { expertId: expert.expert.id, keyId: (await app.experts.keys.issue(expert.expert.id, 'matrix')).info.id },
    answerMessageId: answer.message.id,
    savedReplies: { shared: (await savedReply(admin.headers, 'shared')).id, personal: (await savedReply(expert.headers, 'personal')).id },
    newSharedReply: () => savedReply(admin.headers, 'shared')
  }
}

export interface MatrixRequest {
  method: string
  url: string
  payload?: string | Buffer | Record<string, unknown>
  headers?: Record<string, string>
  /** A server-sent event stream: the matrix reads only its status. */
  stream?: boolean
}

let slugSeq = 0

/** How to call each route for a target named in the table (A, B, C, Ainternal, published…). */
export function requestFor(route: string, target: string, f: Fixtures): () => Promise<MatrixRequest> {
  const caseId = f.cases[target as 'A'] ?? ''
  const threadId = f.threads[target as 'A'] ?? ''
  const article = f.articles[target as 'published'] ?? { id: '', slug: '' }
  const form = async (fields: Record<string, string>) => {
    const m = await multipart(fields)
    return { payload: m.payload, headers: m.headers }
  }
  const builders: Record<string, () => Promise<MatrixRequest>> = {
    'GET /api/v1/me': async () => ({ method: 'GET', url: '/api/v1/me' }),
    'GET /api/v1/cases': async () => ({ method: 'GET', url: '/api/v1/cases' }),
    'POST /api/v1/cases': async () => ({ method: 'POST', url: '/api/v1/cases', ...(await form({ question: 'Pytanie z macierzy', entryPoint: target })) }),
    'POST /api/v1/cases/archive': async () => ({ method: 'POST', url: '/api/v1/cases/archive', payload: { ids: [caseId] } }),
    'POST /api/v1/cases/unarchive': async () => ({ method: 'POST', url: '/api/v1/cases/unarchive', payload: { ids: [caseId] } }),
    'POST /api/v1/cases/read': async () => ({ method: 'POST', url: '/api/v1/cases/read', payload: { ids: [caseId] } }),
    'GET /api/v1/cases/:id': async () => ({ method: 'GET', url: `/api/v1/cases/${caseId}` }),
    'POST /api/v1/cases/:id/messages': async () => ({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      ...(await form({ body: 'Odpowiedź z macierzy' }))
    }),
    'POST /api/v1/cases/:id/rating': async () => ({ method: 'POST', url: `/api/v1/cases/${caseId}/rating`, payload: { score: 4 } }),
    'GET /api/v1/attachments/:id': async () => ({ method: 'GET', url: `/api/v1/attachments/${f.attachments[target as 'A']}` }),
    'GET /api/v1/articles': async () => ({ method: 'GET', url: '/api/v1/articles' }),
    'GET /api/v1/articles/:slug': async () => ({ method: 'GET', url: `/api/v1/articles/${article.slug}` }),
    'POST /api/v1/articles/:slug/feedback': async () => ({ method: 'POST', url: `/api/v1/articles/${article.slug}/feedback`, payload: { helpful: true } }),
    'GET /api/v1/suggestions': async () => ({ method: 'GET', url: '/api/v1/suggestions?q=faktura' }),
    'GET /api/v1/forum/threads': async () => ({ method: 'GET', url: '/api/v1/forum/threads' }),
    'GET /api/v1/forum/threads/:id': async () => ({ method: 'GET', url: `/api/v1/forum/threads/${threadId}` }),
    'POST /api/v1/forum/threads': async () => ({ method: 'POST', url: '/api/v1/forum/threads', payload: { title: 'Nowy wątek', body: 'Treść' } }),
    'POST /api/v1/forum/threads/:id/replies': async () => ({
      method: 'POST',
      url: `/api/v1/forum/threads/${threadId}/replies`,
      payload: { body: 'Odpowiedź' }
    }),
    'POST /api/v1/forum/threads/:id/accept': async () => ({
      method: 'POST',
      url: `/api/v1/forum/threads/${threadId}/accept`,
      payload: { postId: f.posts[target as 'A'] }
    }),
    'GET /admin/v1/me': async () => ({ method: 'GET', url: '/admin/v1/me' }),
    'POST /admin/v1/session': async () => ({ method: 'POST', url: '/admin/v1/session' }),
    'DELETE /admin/v1/session': async () => ({ method: 'DELETE', url: '/admin/v1/session' }),
    'GET /admin/v1/cases': async () => ({ method: 'GET', url: '/admin/v1/cases' }),
    'GET /admin/v1/cases/counts': async () => ({ method: 'GET', url: '/admin/v1/cases/counts' }),
    'GET /admin/v1/experts': async () => ({ method: 'GET', url: '/admin/v1/experts' }),
    'GET /admin/v1/offices': async () => ({ method: 'GET', url: '/admin/v1/offices' }),
    'GET /admin/v1/cases/:id': async () => ({ method: 'GET', url: `/admin/v1/cases/${caseId}` }),
    'POST /admin/v1/cases/:id/messages': async () => ({
      method: 'POST',
      url: `/admin/v1/cases/${caseId}/messages`,
      ...(await form({ body: 'Odpowiedź eksperta' }))
    }),
    'PATCH /admin/v1/cases/:id': async () => ({ method: 'PATCH', url: `/admin/v1/cases/${caseId}`, payload: { status: 'answered' } }),
    'GET /admin/v1/attachments/:id': async () => ({ method: 'GET', url: `/admin/v1/attachments/${f.attachments[target as 'A']}` }),
    'GET /admin/v1/articles': async () => ({ method: 'GET', url: '/admin/v1/articles' }),
    'GET /admin/v1/articles/:id': async () => ({ method: 'GET', url: `/admin/v1/articles/${article.id}` }),
    'GET /admin/v1/articles/:id/feedback': async () => ({ method: 'GET', url: `/admin/v1/articles/${article.id}/feedback` }),
    'POST /admin/v1/articles': async () => ({
      method: 'POST',
      url: '/admin/v1/articles',
      payload: { appId: TEST_APP.id, slug: `nowy-${++slugSeq}`, title: 'Nowy', body: 'Treść', category: { id: 'faktury', name: 'Faktury' } }
    }),
    'PATCH /admin/v1/articles/:id': async () => ({ method: 'PATCH', url: `/admin/v1/articles/${article.id}`, payload: { title: `Zmieniony ${++slugSeq}` } }),
    'POST /admin/v1/articles/preview': async () => ({ method: 'POST', url: '/admin/v1/articles/preview', payload: { body: 'Podgląd **artykułu**' } }),
    'POST /admin/v1/articles/from-message': async () => ({ method: 'POST', url: '/admin/v1/articles/from-message', payload: { messageId: f.answerMessageId } }),
    'DELETE /admin/v1/articles/:id': async () => ({ method: 'DELETE', url: `/admin/v1/articles/${article.id}` }),
    'POST /api/v1/forum/posts/:id/report': async () => ({
      method: 'POST',
      url: `/api/v1/forum/posts/${f.posts[target as 'A']}/report`,
      payload: { reason: 'Spam' }
    }),
    'POST /api/v1/forum/threads/:id/report': async () => ({ method: 'POST', url: `/api/v1/forum/threads/${threadId}/report`, payload: { reason: 'Spam' } }),
    'POST /admin/v1/forum/threads/:id/reports/dismiss': async () => ({ method: 'POST', url: `/admin/v1/forum/threads/${threadId}/reports/dismiss` }),
    'GET /admin/v1/forum/threads': async () => ({ method: 'GET', url: '/admin/v1/forum/threads' }),
    'GET /admin/v1/forum/threads/:id': async () => ({ method: 'GET', url: `/admin/v1/forum/threads/${threadId}` }),
    'POST /admin/v1/forum/threads/:id/replies': async () => ({
      method: 'POST',
      url: `/admin/v1/forum/threads/${threadId}/replies`,
      payload: { body: 'Odpowiedź eksperta' }
    }),
    'POST /admin/v1/forum/threads/:id/accept': async () => ({
      method: 'POST',
      url: `/admin/v1/forum/threads/${threadId}/accept`,
      payload: { postId: f.posts[target as 'A'] }
    }),
    'POST /admin/v1/forum/posts/:id/hide': async () => ({
      method: 'POST',
      url: `/admin/v1/forum/posts/${f.posts[target as 'A']}/hide`,
      payload: { reason: 'Moderacja' }
    }),
    'POST /admin/v1/forum/posts/:id/unhide': async () => ({
      method: 'POST',
      url: `/admin/v1/forum/posts/${f.posts[target as 'A']}/unhide`,
      payload: { reason: 'Moderacja' }
    }),
    'GET /api/v1/events': async () => ({ method: 'GET', url: '/api/v1/events', stream: true }),
    'GET /admin/v1/events': async () => ({ method: 'GET', url: '/admin/v1/events', stream: true }),
    'POST /admin/v1/cases/:id/presence': async () => ({ method: 'POST', url: `/admin/v1/cases/${caseId}/presence`, payload: { state: 'viewing' } }),
    'POST /admin/v1/forum/threads/:id/hide': async () => ({
      method: 'POST',
      url: `/admin/v1/forum/threads/${threadId}/hide`,
      payload: { reason: 'Moderacja' }
    }),
    'POST /admin/v1/forum/threads/:id/unhide': async () => ({
      method: 'POST',
      url: `/admin/v1/forum/threads/${threadId}/unhide`,
      payload: { reason: 'Moderacja' }
    }),
    'GET /admin/v1/me/notifications': async () => ({ method: 'GET', url: '/admin/v1/me/notifications' }),
    'PUT /admin/v1/me/notifications': async () => ({ method: 'PUT', url: '/admin/v1/me/notifications', payload: { newCases: 'none' } }),
    'PUT /admin/v1/apps/:id/webhook': async () => ({ method: 'PUT', url: `/admin/v1/apps/${TEST_APP.id}/webhook`, payload: { url: null } }),
    'GET /admin/v1/webhooks/deliveries': async () => ({ method: 'GET', url: `/admin/v1/webhooks/deliveries?appId=${TEST_APP.id}` }),
    'GET /admin/v1/audit': async () => ({ method: 'GET', url: '/admin/v1/audit?limit=5' }),
    'GET /admin/v1/me/preferences': async () => ({ method: 'GET', url: '/admin/v1/me/preferences' }),
    'PATCH /admin/v1/me/preferences': async () => ({ method: 'PATCH', url: '/admin/v1/me/preferences', payload: { newCases: 'none' } }),
    'GET /admin/v1/team': async () => ({ method: 'GET', url: '/admin/v1/team' }),
    'POST /admin/v1/team': async () => ({
      method: 'POST',
      url: '/admin/v1/team',
      payload: { name: 'Zaproszony', email: `zaproszony-${++slugSeq}@example.com` }
    }),
    'POST /admin/v1/team/:id/invitation': async () => ({ method: 'POST', url: `/admin/v1/team/${f.team.expertId}/invitation` }),
    'PATCH /admin/v1/team/:id': async () => ({ method: 'PATCH', url: `/admin/v1/team/${f.team.expertId}`, payload: { admin: false } }),
    'POST /admin/v1/team/:id/keys': async () => ({ method: 'POST', url: `/admin/v1/team/${f.team.expertId}/keys`, payload: { note: 'matrix' } }),
    'DELETE /admin/v1/team/:id/keys/:keyId': async () => ({ method: 'DELETE', url: `/admin/v1/team/${f.team.expertId}/keys/${f.team.keyId}` }),
    'GET /admin/v1/privacy/export': async () => ({ method: 'GET', url: `/admin/v1/privacy/export?appId=${TEST_APP.id}&officeId=matrix-no-such-office` }),
    'GET /admin/v1/privacy/retention': async () => ({ method: 'GET', url: '/admin/v1/privacy/retention' }),
    'POST /admin/v1/privacy/erasures': async () => ({
      method: 'POST',
      url: '/admin/v1/privacy/erasures',
      payload: { appId: TEST_APP.id, officeId: 'matrix-no-such-office', userId: 'nobody' }
    }),
    'GET /admin/v1/stats': async () => ({ method: 'GET', url: '/admin/v1/stats?from=2026-11-01&to=2026-11-30' }),
    'GET /admin/v1/stats/settings': async () => ({ method: 'GET', url: '/admin/v1/stats/settings' }),
    'PUT /admin/v1/stats/settings': async () => ({ method: 'PUT', url: '/admin/v1/stats/settings', payload: { targetMinutes: 240 } }),
    'GET /admin/v1/article-links': async () => ({ method: 'GET', url: `/admin/v1/article-links?appId=${TEST_APP.id}&q=artykul` }),
    'GET /admin/v1/saved-replies': async () => ({ method: 'GET', url: '/admin/v1/saved-replies' }),
    'POST /admin/v1/saved-replies': async () => ({
      method: 'POST',
      url: '/admin/v1/saved-replies',
      payload: { scope: target, title: 'Gotowa', body: 'Dzień dobry {{imie}},' }
    }),
    'PATCH /admin/v1/saved-replies/:id': async () => ({
      method: 'PATCH',
      url: `/admin/v1/saved-replies/${f.savedReplies[target as 'shared']}`,
      payload: { title: `Zmieniona ${++slugSeq}` }
    }),
    // A fresh shared reply per request: every caller's DELETE meets one that exists.
    'DELETE /admin/v1/saved-replies/:id': async () => ({ method: 'DELETE', url: `/admin/v1/saved-replies/${(await f.newSharedReply()).id}` })
  }
  const build = builders[route]
  if (!build) throw new Error(`no request builder for ${route}`)
  return build
}
