import type { ErrorCode } from '@ze/contract'

/** A failed call: the problem's stable `code`, or NETWORK when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly problem: Record<string, unknown> = {}
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const ADMIN = '/admin/v1'

/**
 * Called when any request answers 401: the session ended (signed out elsewhere, expired, or the
 * expert was deactivated). The session store sends the console to "Zaloguj się".
 */
let onUnauthorised: (() => void) | null = null
export function whenUnauthorised(fn: () => void): void {
  onUnauthorised = fn
}

// The service accepts cookie-authenticated writes only with this header from its own origin
// (the console's CSRF defence); sending it on reads too keeps one code path.
const CONSOLE_HEADER = { 'x-ze-console': '1' }

export type Query = Record<string, string | number | undefined>

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v))
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/** One request to /admin/v1 with the session cookie; JSON or multipart body; problem+json errors. */
export async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { ...CONSOLE_HEADER, accept: 'application/json' }
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  let res: Response
  try {
    res = await fetch(ADMIN + path, { method, headers, body: payload, credentials: 'same-origin', signal })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new ApiError(0, 'NETWORK', 'The service did not answer')
  }
  if (res.status === 202 || res.status === 204) return undefined as T
  const text = await res.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }
  if (!res.ok) {
    const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>
    const code = typeof problem.code === 'string' ? (problem.code as ErrorCode) : 'INTERNAL'
    if (res.status === 401) onUnauthorised?.()
    throw new ApiError(res.status, code, typeof problem.detail === 'string' ? problem.detail : code, problem)
  }
  return parsed as T
}
