/**
 * The one registry of error codes the service can answer with. Every problem response
 * carries one of these codes; clients branch on the code, never on the text. The service
 * throws them (its AppError), the OpenAPI document and docs/api-contract.md list them, and
 * clients import the `ErrorCode` type from here — nobody copies the list.
 */
export const errorRegistry = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  BAD_REQUEST: { status: 400, title: 'The request could not be understood' },
  INVALID_JSON: { status: 400, title: 'The request body is not valid JSON' },
  INVALID_MULTIPART: { status: 400, title: 'The multipart body is malformed' },
  TOKEN_MISSING: { status: 401, title: 'An identity token is required' },
  TOKEN_MALFORMED: { status: 401, title: 'The identity token is malformed' },
  TOKEN_ALGORITHM_NOT_ALLOWED: { status: 401, title: 'The identity token uses an algorithm that is not allowed' },
  TOKEN_SIGNATURE_INVALID: { status: 401, title: 'The identity token signature is invalid' },
  TOKEN_AUDIENCE_INVALID: { status: 401, title: 'The identity token is not meant for a known app' },
  TOKEN_EXPIRED: { status: 401, title: 'The identity token has expired' },
  TOKEN_NOT_YET_VALID: { status: 401, title: 'The identity token is not valid yet' },
  TOKEN_LIFETIME_TOO_LONG: { status: 401, title: 'The identity token lives longer than allowed' },
  TOKEN_CLAIMS_INVALID: { status: 401, title: 'The identity token claims are missing or ill-typed' },
  EXPERT_KEY_MISSING: { status: 401, title: 'An expert API key is required' },
  EXPERT_KEY_INVALID: { status: 401, title: 'The expert API key is not valid' },
  EXPERT_SESSION_INVALID: { status: 401, title: 'The console session has ended; sign in again' },
  CSRF_REJECTED: { status: 403, title: 'This request did not come from the console' },
  ADMIN_ROLE_REQUIRED: { status: 403, title: 'This action needs an expert with the admin role' },
  NOT_THREAD_AUTHOR: { status: 403, title: 'Only the author of the thread or an expert may mark the accepted answer' },
  ONLY_OFFICE_CHIEF: { status: 403, title: 'Only the office chief may ask experts' },
  PACKAGE_INACTIVE: { status: 403, title: 'With an inactive package questions go through START » WIADOMOŚCI' },
  ORIGIN_NOT_ALLOWED: { status: 403, title: 'This origin may not call the service' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  CASE_NOT_FOUND: { status: 404, title: 'Case not found' },
  ATTACHMENT_NOT_FOUND: { status: 404, title: 'Attachment not found' },
  ARTICLE_NOT_FOUND: { status: 404, title: 'Article not found' },
  MESSAGE_NOT_FOUND: { status: 404, title: 'No public expert answer with this id' },
  THREAD_NOT_FOUND: { status: 404, title: 'Forum thread not found' },
  POST_NOT_FOUND: { status: 404, title: 'Forum post not found' },
  SAVED_REPLY_NOT_FOUND: { status: 404, title: 'Saved reply not found' },
  EXPERT_NOT_FOUND: { status: 404, title: 'Expert not found' },
  API_KEY_NOT_FOUND: { status: 404, title: 'API key not found' },
  APP_NOT_FOUND: { status: 404, title: 'Host app not found' },
  UNSUBSCRIBE_LINK_INVALID: { status: 404, title: 'This unsubscribe link is not known' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'The resource changed or already exists' },
  EXPERT_EMAIL_TAKEN: { status: 409, title: 'An expert with this e-mail address already exists' },
  LAST_ADMIN: { status: 409, title: 'The last active admin cannot lose the admin role or be deactivated' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  ATTACHMENT_TOO_LARGE: { status: 413, title: 'An attachment is larger than allowed' },
  TOO_MANY_ATTACHMENTS: { status: 413, title: 'Too many attachments in one message' },
  STORAGE_QUOTA_EXCEEDED: { status: 413, title: 'This office has uploaded as much as it may in this period' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, title: 'This kind of file cannot be attached' },
  ATTACHMENT_INFECTED: { status: 422, title: 'An attachment contains malware and is not kept' },
  RATE_LIMITED: { status: 429, title: 'Too many requests, try again later' },
  INTERNAL: { status: 500, title: 'Internal server error' },
  DATABASE_UNAVAILABLE: { status: 503, title: 'The database is unavailable, try again shortly' },
  MIGRATION_PENDING: { status: 503, title: 'The database still needs a migration this version requires' },
  SCANNER_UNAVAILABLE: { status: 503, title: 'The malware scanner is unavailable; the upload was not stored, try again shortly' },
  REQUEST_TIMEOUT: { status: 408, title: 'The request took too long' },
  REQUEST_HEADERS_TOO_LARGE: { status: 431, title: 'The request line or headers are too large' }
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof errorRegistry
export const errorCodes = Object.keys(errorRegistry) as ErrorCode[]

/** The problem `type` URI of a code; a URN because nothing is served at it (the demo host uses it for its own code too). */
export function problemType(code: string): string {
  return `urn:zapytaj-eksperta:problem:${code.toLowerCase().replaceAll('_', '-')}`
}
