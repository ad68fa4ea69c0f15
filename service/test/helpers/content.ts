import type { FastifyInstance } from 'fastify'
import { bearer, personas, signToken, TEST_APP } from './tokens.js'

/** Small factories for the articles, forum and search tests (no shared seed order). */

export type PersonaName = keyof typeof personas

export async function userHeaders(persona: PersonaName = 'chiefOffice', overrides: Record<string, unknown> = {}) {
  return bearer(await signToken({ ...personas[persona], ...overrides }))
}

export async function expertHeaders(app: FastifyInstance, admin = true) {
  const { key, expert } = await app.experts.create({ name: admin ? 'Ola Admin' : 'Jan Ekspert', email: `${admin ? 'ola' : 'jan'}@example.com`, admin })
  return { headers: bearer(key), expert }
}

export interface ArticleInput {
  slug: string
  title: string
  body: string
  category?: { id: string; name: string }
  tags?: string[]
  published?: boolean
  appId?: string
}

export async function createArticle(app: FastifyInstance, headers: Record<string, string>, input: ArticleInput) {
  const res = await app.inject({
    method: 'POST',
    url: '/admin/v1/articles',
    headers,
    payload: { appId: TEST_APP.id, category: { id: 'ogolne', name: 'Ogólne' }, published: true, ...input }
  })
  if (res.statusCode !== 201) throw new Error(`article ${input.slug}: ${res.statusCode} ${res.body}`)
  return res.json() as { id: string; slug: string; html: string }
}

export async function createThread(app: FastifyInstance, headers: Record<string, string>, title: string, body = 'Treść pytania') {
  const res = await app.inject({ method: 'POST', url: '/api/v1/forum/threads', headers, payload: { title, body } })
  if (res.statusCode !== 201) throw new Error(`thread ${title}: ${res.statusCode} ${res.body}`)
  return (res.json() as { thread: { id: string } }).thread
}

export async function reply(app: FastifyInstance, headers: Record<string, string>, threadId: string, body: string, asExpert = false) {
  const res = await app.inject({ method: 'POST', url: `${asExpert ? '/admin' : '/api'}/v1/forum/threads/${threadId}/replies`, headers, payload: { body } })
  if (res.statusCode !== 201) throw new Error(`reply: ${res.statusCode} ${res.body}`)
  return (res.json() as { post: { id: string } }).post
}
