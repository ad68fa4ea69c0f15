// Codes from the service's problem+json bodies, plus the ones the client itself produces
// for failures that never reached the service.
export type ErrorCode =
  | 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'ONLY_OFFICE_CHIEF' | 'PACKAGE_INACTIVE'
  | 'CASE_NOT_FOUND' | 'ATTACHMENT_TOO_LARGE' | 'ATTACHMENT_TYPE_NOT_ALLOWED' | 'TOO_MANY_ATTACHMENTS'
  | 'VALIDATION_FAILED' | 'RATE_LIMITED' | 'DATABASE_UNAVAILABLE'
  | 'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'UNKNOWN'

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | (string & {}),
    readonly status: number,
    message: string,
    readonly retryAfter?: number,
    /** The problem body's extension members (e.g. `filename`, `maxFileBytes`). */
    readonly problem: Record<string, unknown> = {}
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

interface Problem { code?: unknown; title?: unknown; detail?: unknown }

export function problemToError(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  const p = (body && typeof body === 'object' ? body : {}) as Problem
  const code = typeof p.code === 'string' ? p.code : status === 401 ? 'TOKEN_INVALID' : 'UNKNOWN'
  const msg = typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : `HTTP ${status}`
  const retry = retryAfterHeader ? Number(retryAfterHeader) : NaN
  return new ApiError(code, status, msg, Number.isFinite(retry) ? retry : undefined, p as Record<string, unknown>)
}

export const isAbort = (e: unknown): boolean => e instanceof ApiError && e.code === 'ABORTED'
