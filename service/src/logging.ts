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

/** Logger settings of the real server; tests pass a stream to read what would be logged. */
export function loggerOptions(config: Pick<Config, 'logLevel'>, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
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
