import { randomUUID } from 'node:crypto'
import type { Server } from 'node:http'
import type { FastifyHttpOptions, FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'
import { sendProblem, toProblem } from './plugins/app/error-handler.js'

const REQUEST_ID = /^[\w.:-]{8,128}$/

/** Fastify options shared by the real server and the tests, so both validate alike. */
export function serverOptions(config: Config, logger: FastifyServerOptions['logger']): FastifyHttpOptions<Server> {
  return {
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    // Node enforces requestTimeout only when headersTimeout is not longer (its default is
    // 60 s) and only every connectionsCheckingInterval (30 s by default); without these a
    // slow client could hold a request well past a small REQUEST_TIMEOUT_MS.
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
      connectionsCheckingInterval: Math.max(250, Math.min(30_000, Math.floor(config.requestTimeoutMs / 4)))
    },
    // Keep a request id only from a trusted load balancer, and only when it is sane: a client's
    // own id would let anyone plant or collide ids in our logs and problem documents.
    genReqId: (req) => {
      const incoming = config.trustProxy ? req.headers['x-request-id'] : undefined
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    ajv: {
      customOptions: {
        // Unknown properties are an error, not silently dropped: `?view[$ne]=x` must be a 400.
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
        // With Ajv's default strictNumbers, "?limit=1e309" is coerced to Infinity and then
        // passes minimum/maximum (found by test/hardening/bad-input); off, ranges hold.
        strictNumbers: false
      }
    },
    routerOptions: { maxParamLength: 200 },
    // The router rejects undecodable URLs and over-long parameters before any route or error
    // handler runs; without this they would be Fastify's plain JSON, not problem documents.
    frameworkErrors: (error, request, reply) => {
      sendProblem(request, reply, toProblem(error))
    }
  }
}
