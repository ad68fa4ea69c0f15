import { ApiError } from '../../api/errors'
import { formatBytes, type Locale } from '../../i18n'
import type { ExpertKey } from '../../i18n/expert'
import type { ExpertT } from '../expertT'

export interface Explained {
  text: string
  /** "Spróbuj ponownie" helps only when the same request can succeed later (network, 5xx, timeouts). */
  retry: boolean
  /** The file the service refused (415, 413 for one file, 422 infected): the list marks it. */
  file?: string
  /** 429: seconds until sending is allowed again. */
  waitSeconds?: number
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/**
 * A Polish (or English) sentence for every problem code the service sends, never its raw
 * English `detail`, plus what the UI should offer next.
 */
export function explainProblem(e: unknown, t: ExpertT, locale: Locale, maxFiles: number): Explained {
  const err = e instanceof ApiError ? e : new ApiError('UNKNOWN', 0, '')
  const p = err.problem
  // Older services name the file only inside `detail`: "\"x.exe\" is not an allowed kind …".
  const file = str(p.filename) ?? /^"([^"]+)"/.exec(err.message)?.[1]
  const name = file ?? ''
  const code = err.code
  switch (code) {
    case 'ATTACHMENT_TYPE_NOT_ALLOWED':
    case 'ATTACHMENT_INFECTED':
      return { text: t(`err_${code}` as ExpertKey, { name }), retry: false, file }
    case 'ATTACHMENT_TOO_LARGE':
      return { text: t('err_ATTACHMENT_TOO_LARGE', { name, max: formatBytes(num(p.maxFileBytes) ?? 0, locale) }), retry: false, file }
    case 'TOO_MANY_ATTACHMENTS':
      return { text: t('err_TOO_MANY_ATTACHMENTS', { max: maxFiles }), retry: false }
    case 'RATE_LIMITED': {
      const s = Math.max(1, Math.ceil(err.retryAfter ?? num(p.retryAfterSeconds) ?? 60))
      return { text: t('err_RATE_LIMITED', { s }), retry: false, waitSeconds: s }
    }
    case 'PAYLOAD_TOO_LARGE':
    case 'STORAGE_QUOTA_EXCEEDED':
    case 'VALIDATION_FAILED':
    case 'ONLY_OFFICE_CHIEF':
    case 'PACKAGE_INACTIVE':
    case 'CASE_NOT_FOUND':
      return { text: t(`err_${code}` as ExpertKey), retry: false }
    case 'NETWORK':
    case 'TIMEOUT':
    case 'DATABASE_UNAVAILABLE':
    case 'SCANNER_UNAVAILABLE':
      return { text: t(`err_${code}` as ExpertKey), retry: true }
  }
  if (code.startsWith('TOKEN_')) return { text: t('err_TOKEN'), retry: true }
  return { text: t('err_UNKNOWN'), retry: err.status === 0 || err.status >= 500 }
}
