import { ApiError, problemToError } from './errors'
import { TokenSource, type GetToken } from './token'
import type { Me } from './types'

export interface ClientOptions {
  apiUrl: string
  token?: string
  getToken?: GetToken
  timeoutMs?: number
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  query?: Record<string, string | number | boolean | undefined | null>
  json?: unknown
  signal?: AbortSignal
  timeoutMs?: number
}

/** Small typed client: every call gets a timeout, an abort signal and problem+json errors. */
export class ApiClient {
  readonly tokens: TokenSource
  private readonly base: string
  private readonly timeoutMs: number

  constructor(opts: ClientOptions) {
    this.base = opts.apiUrl.replace(/\/+$/, '')
    this.tokens = new TokenSource(opts.token, opts.getToken)
    this.timeoutMs = opts.timeoutMs ?? 15_000
  }

  url(path: string, query?: RequestOptions['query']): string {
    let qs = ''
    if (query) {
      const p = new URLSearchParams()
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v))
      const s = p.toString()
      if (s) qs = '?' + s
    }
    return this.base + path + qs
  }

  /**
   * Runs `attempt` with a valid token; when the service says TOKEN_EXPIRED the host is
   * asked for a new token and the attempt is repeated exactly once.
   */
  async authorized<T>(attempt: (token: string) => Promise<T>): Promise<T> {
    const token = await this.tokens.get()
    try {
      return await attempt(token)
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'TOKEN_EXPIRED' || !this.tokens.canRefresh) throw e
      return attempt(await this.tokens.refresh())
    }
  }

  async request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.send(path, opts)
    return (res.status === 204 ? undefined : await res.json()) as T
  }

  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    return (await this.send(path, { signal, timeoutMs: 120_000 })).blob()
  }

  me(signal?: AbortSignal): Promise<Me> {
    return this.request<Me>('/api/v1/me', { signal })
  }

  private send(path: string, opts: RequestOptions): Promise<Response> {
    return this.authorized((token) => this.fetchOnce(path, opts, token))
  }

  private async fetchOnce(path: string, opts: RequestOptions, token: string): Promise<Response> {
    const ctrl = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      ctrl.abort()
    }, opts.timeoutMs ?? this.timeoutMs)
    const onAbort = (): void => ctrl.abort()
    opts.signal?.addEventListener('abort', onAbort)
    if (opts.signal?.aborted) ctrl.abort()
    const headers: Record<string, string> = { accept: 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    if (opts.json !== undefined) headers['content-type'] = 'application/json'
    try {
      let res: Response
      try {
        res = await fetch(this.url(path, opts.query), {
          method: opts.method ?? (opts.json !== undefined ? 'POST' : 'GET'),
          headers,
          body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined,
          signal: ctrl.signal,
          credentials: 'omit'
        })
      } catch {
        if (timedOut) throw new ApiError('TIMEOUT', 0, 'Request timed out')
        if (ctrl.signal.aborted) throw new ApiError('ABORTED', 0, 'Request aborted')
        throw new ApiError('NETWORK', 0, 'Network error')
      }
      if (!res.ok) {
        const body: unknown = await res.json().catch(() => null)
        throw problemToError(res.status, body, res.headers.get('retry-after'))
      }
      return res
    } finally {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
    }
  }
}
