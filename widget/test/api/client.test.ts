import { afterEach, expect, test, vi } from 'vitest'
import { ApiClient } from '../../src/api/client'
import { ApiError } from '../../src/api/errors'
import { tokenExpiry } from '../../src/api/token'
import { freshToken, jwt } from '../helpers/factories'
import { API, installFakeApi, problem } from '../helpers/fakeApi'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

test('reads exp from the JWT payload without verifying it', () => {
  expect(tokenExpiry(jwt({ exp: 1700000000 }))).toBe(1700000000_000)
  expect(tokenExpiry('not-a-jwt')).toBeNull()
})

test('TOKEN_EXPIRED: getToken is called again and the request retried exactly once', async () => {
  const tokens = ['old', 'new', 'newer']
  const getToken = vi.fn(async () => tokens.shift()!)
  const api = installFakeApi({
    'GET /api/v1/me': (req) => (req.headers.authorization === 'Bearer new' ? { body: { ok: true } } : problem(401, 'TOKEN_EXPIRED'))
  })
  const client = new ApiClient({ apiUrl: API, getToken })
  expect(await client.request('/api/v1/me')).toEqual({ ok: true })
  expect(getToken).toHaveBeenCalledTimes(2)
  expect(api.calls.map((c) => c.headers.authorization)).toEqual(['Bearer old', 'Bearer new'])

  // still expired after the refresh: give up after one retry
  api.on('GET /api/v1/me', problem(401, 'TOKEN_EXPIRED'))
  await expect(client.request('/api/v1/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED', status: 401 })
  expect(getToken).toHaveBeenCalledTimes(3)
})

test('a token about to expire is replaced before the request; concurrent calls share one getToken', async () => {
  const soon = jwt({ exp: Math.floor(Date.now() / 1000) + 10 })
  const getToken = vi.fn(async () => freshToken())
  installFakeApi({ 'GET /api/v1/me': { body: {} } })
  const client = new ApiClient({ apiUrl: API, token: soon, getToken })
  await Promise.all([client.request('/api/v1/me'), client.request('/api/v1/me')])
  expect(getToken).toHaveBeenCalledTimes(1)
})

test('problem+json becomes an ApiError with the stable code and Retry-After', async () => {
  installFakeApi({ 'POST /api/v1/cases/archive': { ...problem(429, 'RATE_LIMITED'), headers: { 'retry-after': '7' } } })
  const err = await new ApiClient({ apiUrl: API, token: 't' }).request('/api/v1/cases/archive', { json: { ids: ['x'] } }).catch((e) => e)
  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 7 })
})

test('timeouts and network failures have their own codes; query strings skip empty values', async () => {
  const seen: string[] = []
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    seen.push(url)
    return new Promise((_, reject) => {
      const fail = () => reject(new DOMException('a', 'AbortError'))
      if (init.signal?.aborted) fail()
      init.signal?.addEventListener('abort', fail)
    })
  })
  const client = new ApiClient({ apiUrl: API + '/', token: 't', timeoutMs: 20 })
  await expect(client.request('/api/v1/cases', { query: { view: 'active', cursor: null, q: '' } })).rejects.toMatchObject({ code: 'TIMEOUT' })
  expect(seen).toEqual([`${API}/api/v1/cases?view=active`])
  const ctrl = new AbortController()
  const p = client.request('/x', { signal: ctrl.signal, timeoutMs: 5000 })
  ctrl.abort()
  await expect(p).rejects.toMatchObject({ code: 'ABORTED' })
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
  await expect(client.request('/x')).rejects.toMatchObject({ code: 'NETWORK' })
})
