import type { ErrorCode as ServiceErrorCode } from '@ze/contract'

// Codes from the service's problem+json bodies (the contract's registry), plus the ones the
// client itself produces for failures that never reached the service.
export type ErrorCode = ServiceErrorCode | 'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'UNKNOWN'

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

interface Problem {
  code?: unknown
  title?: unknown
  detail?: unknown
}

export function problemToError(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  const p = (body && typeof body === 'object' ? body : {}) as Problem
  const code = typeof p.code === 'string' ? p.code : 'UNKNOWN'
  const msg = typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : `HTTP ${status}`
  const retry = retryAfterHeader ? Number(retryAfterHeader) : NaN
  return new ApiError(code, status, msg, Number.isFinite(retry) ? retry : undefined, p as Record<string, unknown>)
}

export const isAbort = (e: unknown): boolean => e instanceof ApiError && e.code === 'ABORTED'
