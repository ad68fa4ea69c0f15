import { vi } from 'vitest'

// The only thing faked in the console's component tests: the network boundary (fetch).
// Routes are "METHOD /path" under /admin/v1, e.g. 'GET /cases/counts'.

export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  json?: unknown
  form?: FormData
}
export interface FakeResponse {
  status?: number
  body?: unknown
}
export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>

export function problem(status: number, code: string): FakeResponse {
  return { status, body: { type: 'about:blank', title: code, status, code } }
}

export function installFakeApi(routes: Record<string, Handler | FakeResponse> = {}) {
  const table = new Map<string, Handler>()
  const calls: FakeRequest[] = []
  const on = (route: string, h: Handler | FakeResponse) => table.set(route, typeof h === 'function' ? h : () => h)
  for (const [r, h] of Object.entries(routes)) on(r, h)
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError')
    const u = new URL(url, 'https://svc.test')
    const path = u.pathname.replace(/^\/admin\/v1/, '')
    const req: FakeRequest = {
      method: init.method ?? 'GET',
      path,
      query: u.searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      json: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      form: init.body instanceof FormData ? init.body : undefined
    }
    calls.push(req)
    const h = table.get(`${req.method} ${path}`) ?? table.get(`${req.method} ${path.replace(/\/[0-9a-f]{24}(?=\/|$)/, '/:id')}`)
    const res = h ? await h(req) : problem(404, 'ROUTE_NOT_FOUND')
    const status = res.status ?? 200
    return new Response(status === 204 || status === 202 ? null : JSON.stringify(res.body ?? null), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }
    })
  })
  return { calls, on, called: (route: string) => calls.filter((c) => `${c.method} ${c.path}` === route) }
}
