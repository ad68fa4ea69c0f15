import type { RouteSeen } from '../../helpers/app.js'
import type { Prng } from '@ze/testkit/prng'
import { BAD_AUTH, BAD_IDS, BAD_JSON, BAD_QUERIES, jsonMonsters } from './malformed-values.js'
import { multipartJunk, type MultipartRoute } from './multipart-junk.js'

export interface MalformedRequest {
  label: string
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
}

export interface GenContext {
  routes: RouteSeen[]
  userAuth: Record<string, string>
  adminAuth: Record<string, string>
  /** Signed tokens that must be refused: wrong secret, alg none, ill-typed claims, expired… */
  badTokens: string[]
  /** Real ids by parameter name, used only where the request is invalid for another reason. */
  realIds: Record<string, string[]>
  limits: { maxFiles: number; maxFileBytes: number; bodyLimitBytes: number }
}

const MULTIPART: Record<string, MultipartRoute> = {
  'POST /api/v1/cases': 'create',
  'POST /api/v1/cases/:id/messages': 'reply',
  'POST /admin/v1/cases/:id/messages': 'adminReply'
}
const NONEXISTENT_ID = '507f1f77bcf86cd799439011'

const key = (r: RouteSeen) => `${r.method} ${r.url}`
const authFor = (ctx: GenContext, url: string) => (url.startsWith('/api/') ? ctx.userAuth : url.startsWith('/admin/') ? ctx.adminAuth : {})

function fill(url: string, value: (param: string) => string): string {
  const filled = url.replace(/:([A-Za-z]+)/g, (_, p: string) => value(p)).replace('*', () => value('*'))
  // CORS registers a catch-all "OPTIONS *": give it a path.
  return filled.startsWith('/') ? filled : `/${filled}`
}

function realOr(ctx: GenContext, r: Prng, param: string, fallback: string): string {
  const ids = ctx.realIds[param]
  return ids?.length ? r.pick(ids) : fallback
}

function badJson(r: Prng, ctx: GenContext): { label: string; body: string | Buffer; broken: boolean } {
  const roll = r.int(10)
  if (roll === 0) return { label: 'deep array', body: jsonMonsters.deepArray(1 + r.int(100_000)), broken: false }
  if (roll === 1)
    return { label: 'deep object', body: r.chance(0.5) ? jsonMonsters.deepObject(1 + r.int(50_000)) : jsonMonsters.deepProto(1 + r.int(20_000)), broken: false }
  if (roll === 2) return { label: 'over the body limit', body: jsonMonsters.huge(ctx.limits.bodyLimitBytes + r.int(100_000)), broken: false }
  if (roll === 3) return { label: 'long fields', body: jsonMonsters.longField(300 + r.int(20_000)), broken: false }
  if (roll === 4) return { label: 'invalid UTF-8', body: jsonMonsters.invalidUtf8(), broken: false }
  const pick = r.pick(BAD_JSON)
  return { label: `json ${String(pick.body).slice(0, 40)}`, body: pick.body, broken: Boolean(pick.broken) }
}

const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'image/png',
  '',
  'application/json; boundary=x',
  'multipart/form-data'
]

/** One malformed request for a route picked at random; every request is invalid by construction. */
export function malformedRequest(r: Prng, ctx: GenContext): MalformedRequest {
  const route = r.pick(ctx.routes)
  const multipart = MULTIPART[key(route)]
  const hasBody = route.method !== 'GET' && route.method !== 'HEAD'
  const kinds = [
    'path',
    'query',
    'auth',
    'method',
    ...(hasBody ? (multipart ? ['multipart', 'multipart', 'multipart', 'content-type'] : ['json', 'json', 'json', 'content-type']) : [])
  ]
  const kind = route.url.includes(':') || route.url.includes('*') ? r.pick(kinds) : r.pick(kinds.filter((k) => k !== 'path'))
  const headers = { ...authFor(ctx, route.url) }
  const bad = () => r.pick(BAD_IDS)

  switch (kind) {
    case 'path':
      return { label: `bad path param`, method: route.method, url: fill(route.url, bad), headers }
    case 'query': {
      // Real ids only on reads: a mutating route gets an id that cannot exist.
      const url = fill(route.url, (p) => (route.method === 'GET' ? realOr(ctx, r, p, NONEXISTENT_ID) : NONEXISTENT_ID))
      const query = Array.from({ length: 1 + r.int(3) }, () => r.pick(BAD_QUERIES)).join('&')
      return {
        label: `bad query ${query.slice(0, 60)}`,
        method: route.method,
        url: `${url}?${query}`,
        headers,
        ...(hasBody ? { payload: '{"$where":"1"}', headers: { ...headers, 'content-type': 'application/json' } } : {})
      }
    }
    case 'auth': {
      const value = r.chance(0.5) ? r.pick(BAD_AUTH) : `Bearer ${r.pick(ctx.badTokens)}`
      const url = fill(route.url, (p) => realOr(ctx, r, p, NONEXISTENT_ID))
      return { label: `bad auth ${value.slice(0, 30)}`, method: route.method, url, headers: value ? { authorization: value } : {} }
    }
    case 'method': {
      // A method the URL really lacks (POST and DELETE /admin/v1/session are both real).
      const method = r.pick(
        ['PUT', 'DELETE', 'PATCH', 'POST', 'GET', 'OPTIONS', 'TRACE'].filter((m) => !ctx.routes.some((other) => other.url === route.url && other.method === m))
      )
      return { label: `wrong method ${method}`, method, url: fill(route.url, bad), headers }
    }
    case 'json': {
      const json = badJson(r, ctx)
      // A syntactically broken body never reaches a handler, so it may carry a real id.
      const url = fill(route.url, (p) => (json.broken ? realOr(ctx, r, p, NONEXISTENT_ID) : NONEXISTENT_ID))
      return { label: json.label, method: route.method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: json.body }
    }
    case 'content-type': {
      const type = r.pick(CONTENT_TYPES)
      const payload = multipart
        ? JSON.stringify({ question: 'x', entryPoint: 'sidebar', body: 'x' })
        : r.pick(['ids[$gt]=&title[$ne]=', '<ids><id>1</id></ids>', '{"ids":[]}', '\x00\x01\x02'])
      const url = fill(route.url, () => NONEXISTENT_ID)
      return { label: `content-type "${type}"`, method: route.method, url, headers: { ...headers, ...(type ? { 'content-type': type } : {}) }, payload }
    }
    default: {
      const junk = multipartJunk(r, multipart!, ctx.limits)
      const url = fill(route.url, (p) => realOr(ctx, r, p, NONEXISTENT_ID))
      return { label: junk.label, method: route.method, url, headers: { ...headers, ...junk.headers }, payload: junk.payload }
    }
  }
}
