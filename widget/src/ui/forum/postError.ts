import { ApiError } from '../../api/errors'
import type { ContentT } from '../content/i18n'

/** Why a post was refused; the text always stays in the form for another try. */
export function postError(t: ContentT, e: unknown): string {
  if (e instanceof ApiError && e.code === 'RATE_LIMITED') {
    return e.retryAfter !== undefined ? t('rateLimited', { n: Math.max(1, Math.ceil(e.retryAfter)) }) : t('rateLimitedSoon')
  }
  if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') return t('invalidPost')
  return t('postFailed')
}
