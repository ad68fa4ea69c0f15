import { vi } from 'vitest'

// The only thing faked in the widget tests: the network boundary (fetch and XHR).

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
  headers?: Record<string, string>
  raw?: BodyInit
}
export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>

export const API = 'https://svc.test'

export interface FakeApi {
  calls: FakeRequest[]
  on(route: string, handler: Handler | FakeResponse): void
  called(route: string): FakeRequest[]
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}): FakeResponse {
  return { status, body: { type: 'about:blank', title: code, status, code, ...extra } }
}

export function installFakeApi(routes: Record<string, Handler | FakeResponse> = {}): FakeApi {
  const table = new Map<string, Handler>()
  const calls: FakeRequest[] = []
  const api: FakeApi = {
    calls,
    on(route, h) {
      table.set(route, typeof h === 'function' ? h : () => h)
    },
    called: (route) => calls.filter((c) => `${c.method} ${c.path}` === route)
  }
  for (const [r, h] of Object.entries(routes)) api.on(r, h)

  const dispatch = async (req: FakeRequest): Promise<FakeResponse> => {
    calls.push(req)
    const h = table.get(`${req.method} ${req.path}`)
    return h ? h(req) : problem(404, 'NOT_FOUND')
  }
  const parse = (url: string) => {
    const u = new URL(url)
    return { path: u.pathname, query: u.searchParams }
  }

  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError')
    const headers = { ...(init.headers as Record<string, string>) }
    const json = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    const res = await dispatch({ method: init.method ?? 'GET', ...parse(url), headers, json })
    const status = res.status ?? 200
    const body = res.raw ?? (res.body === undefined ? null : JSON.stringify(res.body))
    return new Response(status === 204 ? null : body, {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...res.headers }
    })
  })

  class FakeXHR {
    status = 0
    responseText = ''
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    onabort: (() => void) | null = null
    ontimeout: (() => void) | null = null
    private method = 'GET'
    private url = ''
    private headers: Record<string, string> = {}
    private resHeaders: Record<string, string> = {}
    open(method: string, url: string) {
      this.method = method
      this.url = url
    }
    setRequestHeader(k: string, v: string) {
      this.headers[k.toLowerCase()] = v
    }
    getResponseHeader(k: string) {
      return this.resHeaders[k.toLowerCase()] ?? null
    }
    abort() {
      this.onabort?.()
    }
    send(form: FormData) {
      void (async () => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
        const res = await dispatch({ method: this.method, ...parse(this.url), headers: this.headers, form })
        if (res.status === 0) {
          this.onerror?.()
          return
        }
        this.status = res.status ?? 201
        this.resHeaders = res.headers ?? {}
        this.responseText = JSON.stringify(res.body ?? null)
        this.onload?.()
      })()
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXHR)
  return api
}
