import { randomUUID } from 'node:crypto'
import type { Server } from 'node:http'
import type { FastifyHttpOptions, FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'
import type { Socket } from 'node:net'
import { STATUS_CODES } from 'node:http'
import type { ErrorCode } from '@ze/contract'
import { problem } from './errors.js'
import { sendProblem, toProblem } from './plugins/app/error-handler.js'

const REQUEST_ID = /^[\w.:-]{8,128}$/

/**
 * Errors Node's HTTP parser meets before there is a request (a URL or headers over the
 * limit, a timeout, garbage): answered as problem documents like every other error, where
 * Fastify's default would send its own JSON shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW' ? 'REQUEST_HEADERS_TOO_LARGE' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST'
  const document = problem(code)
  const body = JSON.stringify(document)
  const status = document.status
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`
    )
  }
  socket.destroy(err)
}

/** Fastify options shared by the real server and the tests, so both validate alike. */
export function serverOptions(config: Config, logger: FastifyServerOptions['logger']): FastifyHttpOptions<Server> {
  return {
    logger,
    // Start-up waits for the first connection (dbTimeoutMs) and then for pending migrations
    // (migrateStartWaitMs, 30 s by default); Fastify's default 10 s plugin timeout would abort a
    // start that is merely slow (a busy machine, a fresh database's index step) instead.
    pluginTimeout: config.dbTimeoutMs + config.migrateStartWaitMs + 15_000,
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
    clientErrorHandler,
    routerOptions: { maxParamLength: 200 },
    // The router rejects undecodable URLs and over-long parameters before any route or error
    // handler runs; without this they would be Fastify's plain JSON, not problem documents.
    frameworkErrors: (error, request, reply) => {
      sendProblem(request, reply, toProblem(error))
    }
  }
}
