import { randomUUID } from 'node:crypto'
import type { FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'

const REQUEST_ID = /^[\w.:-]{8,128}$/

/** Fastify options shared by the real server and the tests, so both validate alike. */
export function serverOptions(config: Config, logger: FastifyServerOptions['logger']): FastifyServerOptions {
  return {
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    // Keep a load balancer's request id when it is sane, otherwise make one.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    ajv: {
      customOptions: {
        // Unknown properties are an error, not silently dropped: `?view[$ne]=x` must be a 400.
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false
      }
    },
    routerOptions: { maxParamLength: 200 }
  }
}
