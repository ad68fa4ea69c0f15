import { createHmac } from 'node:crypto'
import { DEMO_APP_ID, type PersonaId } from '../personas.js'
import { asExpert, asPersona, type SeedContext, type SeedModule } from './context.js'
import { communityMembers, seedThreads, type CommunityMember, type ForumAuthor } from './content/forum-threads.js'

const b64 = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url')

/** An identity token for a forum-only community member, signed like a host backend would (HS256). */
function memberToken(member: CommunityMember, secret: string): string {
  const m = communityMembers[member]
  const now = Math.floor(Date.now() / 1000)
  const account = 'client' in m ? { type: 'client', ...m.client } : { type: 'office', ...m.office }
  const claims = {
    sub: m.sub,
    name: m.name,
    role: m.role,
    office: m.office,
    account,
    package: { active: true, name: 'Biznes' },
    locale: 'pl',
    aud: DEMO_APP_ID,
    iat: now,
    exp: now + 600
  }
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`
  return `${unsigned}.${b64(createHmac('sha256', secret).update(unsigned).digest())}`
}

/**
 * POST that honours the service's per-user posting limit: on 429 it waits Retry-After and
 * tries again (the content is spread so that this normally never happens).
 */
async function post<T>(ctx: SeedContext, path: string, headers: Record<string, string>, body: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${ctx.serviceUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
    const text = await res.text()
    if (res.ok) return JSON.parse(text) as T
    if (res.status === 429 && attempt < 3) {
      const seconds = Number(res.headers.get('retry-after') ?? '5')
      ctx.log(`seed forum: posting limit reached, waiting ${seconds} s`)
      await new Promise((r) => setTimeout(r, (seconds + 1) * 1000))
      continue
    }
    throw new Error(`POST ${path} → ${res.status}: ${text.slice(0, 500)}`)
  }
}

/** Forum threads with replies through the public API, as the people who wrote them. */
export const forumSeed: SeedModule = {
  name: 'forum',
  version: 1,
  async run(ctx: SeedContext) {
    const expert = asExpert(ctx)
    const headersOf = async (author: Exclude<ForumAuthor, 'expert'>) =>
      'persona' in author ? asPersona(ctx, author.persona as PersonaId) : { authorization: `Bearer ${memberToken(author.member, ctx.appSecret)}` }

    let replies = 0
    let solved = 0
    for (const seed of seedThreads) {
      const authorHeaders = await headersOf(seed.author)
      const { thread } = await post<{ thread: { id: string } }>(ctx, '/api/v1/forum/threads', authorHeaders, { title: seed.title, body: seed.body })
      const postIds: string[] = []
      for (const reply of seed.replies) {
        const byExpert = reply.author === 'expert'
        const path = `${byExpert ? '/admin' : '/api'}/v1/forum/threads/${thread.id}/replies`
        const headers = reply.author === 'expert' ? expert : await headersOf(reply.author)
        const { post: created } = await post<{ post: { id: string } }>(ctx, path, headers, { body: reply.body })
        postIds.push(created.id)
        replies++
      }
      if (seed.accepted !== undefined) {
        const postId = postIds[seed.accepted]
        if (!postId) throw new Error(`seed thread "${seed.title}": no reply ${seed.accepted} to accept`)
        const path = seed.acceptedByExpert ? `/admin/v1/forum/threads/${thread.id}/accept` : `/api/v1/forum/threads/${thread.id}/accept`
        await post(ctx, path, seed.acceptedByExpert ? expert : authorHeaders, { postId })
        solved++
      }
    }
    return `${seedThreads.length} threads, ${replies} replies, ${solved} solved`
  }
}
