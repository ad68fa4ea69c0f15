import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode, ProblemDetails } from '@ze/contract'
import { AppError, problem } from '../../errors.js'

const DATABASE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoOperationTimeoutError',
  'MongoExpiredSessionError'
])

const MULTIPART_CODES: Record<string, ErrorCode> = {
  FST_REQ_FILE_TOO_LARGE: 'ATTACHMENT_TOO_LARGE',
  FST_FILES_LIMIT: 'TOO_MANY_ATTACHMENTS',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PROTO_VIOLATION: 'INVALID_MULTIPART',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_NO_FORM_DATA: 'INVALID_MULTIPART',
  FST_INVALID_JSON_FIELD_ERROR: 'INVALID_MULTIPART'
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED'
}

export function isDatabaseError(err: unknown): boolean {
  let e = err as { name?: string; cause?: unknown } | undefined
  for (let depth = 0; e && depth < 4; depth++, e = e.cause as typeof e) {
    if (e.name && DATABASE_ERRORS.has(e.name)) return true
    // bufferCommands=false before the first connection: mongoose throws a plain Error.
    if (e.name === 'MongooseError' && /initial connection|not connected|buffering/i.test(String((e as Error).message))) return true
  }
  return false
}

/** Turns any thrown error into an RFC 9457 problem document. */
export function toProblem(err: unknown): ProblemDetails {
  if (err instanceof AppError) return problem(err.code, err.detail, err.extensions)
  const fe = err as FastifyError & {
    validation?: Array<{ instancePath?: string; message?: string; params?: Record<string, unknown> }>
    validationContext?: string
  }
  if (fe?.validation) {
    const errors = fe.validation.slice(0, 20).map((v) => ({
      path: `${fe.validationContext ?? ''}${v.instancePath || (v.params?.missingProperty ? `/${String(v.params.missingProperty)}` : v.params?.additionalProperty ? `/${String(v.params.additionalProperty)}` : '')}`,
      message: v.message ?? 'is invalid'
    }))
    return problem('VALIDATION_FAILED', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors })
  }
  if (isDatabaseError(err)) return problem('DATABASE_UNAVAILABLE')
  if (fe?.code && MULTIPART_CODES[fe.code]) return problem(MULTIPART_CODES[fe.code]!)
  if (fe?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe?.statusCode === 400 && err instanceof SyntaxError)) return problem('INVALID_JSON')
  if (fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem('PAYLOAD_TOO_LARGE')
  if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem('UNSUPPORTED_MEDIA_TYPE')
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500
  if (status >= 400 && status < 500) {
    const code = STATUS_CODES[status] ?? 'BAD_REQUEST'
    // Client errors from Fastify and its plugins have safe, useful messages.
    return { ...problem(code, fe.message), status }
  }
  return problem('INTERNAL')
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, body: ProblemDetails): FastifyReply {
  return reply
    .code(body.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...body, instance: request.url.split('?')[0], requestId: request.id })
}

export default fp(
  async function errorHandlerPlugin(fastify) {
    fastify.setErrorHandler((err, request, reply) => {
      const body = toProblem(err)
      if (body.status >= 500) request.log.error({ err }, 'request failed')
      else request.log.info({ code: body.code, status: body.status }, 'request rejected')
      if (body.code === 'RATE_LIMITED' || body.code === 'DATABASE_UNAVAILABLE') reply.header('retry-after', reply.getHeader('retry-after') ?? '5')
      return sendProblem(request, reply, body)
    })
    fastify.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, problem('ROUTE_NOT_FOUND', `${request.method} ${request.url.split('?')[0]} is not a route of this service`))
    )
  },
  { name: 'error-handler' }
)
