import { errorRegistry, problemType, type ErrorCode, type ProblemDetails } from '@ze/contract'

/** An error the service answers with on purpose; its code comes from the contract's registry. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly statusCode: number
  readonly detail: string | undefined
  readonly extensions: Record<string, unknown>

  constructor(code: ErrorCode, detail?: string, extensions: Record<string, unknown> = {}) {
    super(detail ?? errorRegistry[code].title)
    this.name = 'AppError'
    this.code = code
    this.statusCode = errorRegistry[code].status
    this.detail = detail
    this.extensions = extensions
  }
}

export function problem(code: ErrorCode, detail?: string, extensions: Record<string, unknown> = {}): ProblemDetails {
  const entry = errorRegistry[code]
  return { type: problemType(code), title: entry.title, status: entry.status, code, ...(detail ? { detail } : {}), ...extensions }
}
