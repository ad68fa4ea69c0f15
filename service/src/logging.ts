import { traceFields } from './telemetry/spans.js'
import type { FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'

/**
 * The query string is dropped from every logged URL, keeping only the parameter names:
 * the widget sends the chief's draft question as `?q=` (suggestions, articles, forum search)
 * and experts search cases by text, so values in logs would copy personal data into a
 * place with other readers and other retention (issue 16).
 */
export function redactUrl(url: string | undefined): string {
  const raw = url ?? ''
  const mark = raw.indexOf('?')
  if (mark === -1) return raw
  const names = new Set<string>()
  for (const pair of raw.slice(mark + 1).split('&')) {
    const name = pair.split('=')[0]
    if (name) names.add(name.slice(0, 40).replace(/[^\w.[\]-]/g, '_'))
  }
  return `${raw.slice(0, mark)}?${[...names].join('&')}`
}

interface LoggedRequest {
  method: string
  url?: string
  hostname?: string
  ip?: string
  socket?: { remotePort?: number }
}

/**
 * Keys whose values never reach the log, wherever a log call puts them (top level or one
 * object down, e.g. `{ mail: { html } }`): credentials (tokens, API keys, secrets, cookies,
 * Authorization) and people's words (e-mail bodies, messages, questions, search text).
 */
const SECRET_KEYS = ['authorization', 'cookie', '["set-cookie"]', '["x-api-key"]', 'token', 'accessToken', 'password', 'secret', 'webhookSecret', 'apiKey']
const CONTENT_KEYS = ['html', 'text', 'body', 'question', 'subject', 'q', 'query', 'payload']
const at = (prefix: string, key: string): string => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`)
export const REDACT_PATHS = [...SECRET_KEYS.flatMap((key) => [key, at('*', key), at('*.headers', key)]), ...CONTENT_KEYS.flatMap((key) => [key, at('*', key)])]

const scrub = (text: string | undefined): string | undefined => text?.replace(/dup key: \{.*?\}(?=\s|$)/gs, 'dup key: { [redacted] }')

/**
 * Errors are logged with what explains them (type, message, code, stack) and nothing else:
 * driver errors carry the offending document (`keyValue`, `op`, `errorResponse`), which may be
 * a message body or an e-mail address.
 */
export function serializeError(err: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err), stack: '' }
  const e = err as Error & { code?: unknown; statusCode?: unknown }
  return {
    type: e.constructor?.name ?? 'Error',
    // MongoDB names the duplicate value in the message itself ("dup key: { email: … }").
    message: scrub(e.message) ?? '',
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    stack: scrub(e.stack) ?? '',
    ...(e.cause instanceof Error ? { cause: serializeError(e.cause) } : {})
  }
}

/** Logger settings of the real server; tests pass a stream to read what would be logged. */
export function loggerOptions(config: Pick<Config, 'logLevel'>, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: config.logLevel,
    mixin: traceFields,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      err: serializeError,
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.hostname,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort
      })
    },
    ...(stream ? { stream } : {})
  }
}
