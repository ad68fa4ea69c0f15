import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from './config.js'
import configPlugin from './plugins/app/config.js'
import errorHandler from './plugins/app/error-handler.js'
import mongoosePlugin from './plugins/app/mongoose.js'
import databaseCircuit from './plugins/app/database-circuit.js'
import migrations from './plugins/app/migrations.js'
import metrics from './plugins/app/metrics.js'
import repositories from './plugins/app/repositories.js'
import uploads from './plugins/app/uploads.js'
import outboxWorker from './notifications/plugin.js'
import audit from './audit/plugin.js'
import stats from './stats/plugin.js'
import privacy from './privacy/plugin.js'
import events from './events/plugin.js'
import live from './events/live-plugin.js'
import identity from './plugins/app/identity.js'
import expertAuth from './plugins/app/expert-auth.js'
import helmet from './plugins/external/helmet.js'
import cors from './plugins/app/cors.js'
import multipart from './plugins/external/multipart.js'
import swagger from './plugins/external/swagger.js'
import rateLimit from './plugins/app/rate-limit.js'
import cookie from './plugins/external/cookie.js'
import health from './routes/health.js'
import api from './routes/api/index.js'
import admin from './routes/admin/index.js'
import widget from './routes/widget.js'
import unsubscribe from './routes/unsubscribe.js'
import consoleRoutes from './routes/console.js'
import { requestValidatorCompiler } from './validation.js'
import { AppError } from './errors.js'
import { tagServerSpan } from './telemetry/spans.js'

export interface AppOptions {
  config: Config
}

/**
 * The whole service as a plugin: `server.ts` owns the process, tests register this on a
 * fresh Fastify instance and use `inject`. Order matters: configuration and the database
 * first, then the cross-cutting plugins, then routes (swagger must see every route).
 */
const app: FastifyPluginAsync<AppOptions> = async (fastify, opts) => {
  fastify.setValidatorCompiler(requestValidatorCompiler())
  // PostgreSQL (under FerretDB) cannot hold U+0000 in jsonb, so a NUL in a query, path or JSON
  // text would reach the database as a 500; no text of ours needs it, so it is a 400 up front.
  fastify.addHook('preValidation', async (request) => {
    // Only a JSON body is plain data; a multipart body holds file streams (its text fields are validated where they are read).
    const json = String(request.headers['content-type'] ?? '').includes('json')
    for (const [part, value] of [
      ['querystring', request.query],
      ['params', request.params],
      ['body', json ? request.body : undefined]
    ] as const) {
      if (containsNul(value))
        throw new AppError('VALIDATION_FAILED', 'Text must not contain the NUL character (U+0000)', {
          errors: [{ path: `/${part}`, message: 'must not contain U+0000' }]
        })
    }
  })
  fastify.addHook('onRequest', async (request) => tagServerSpan(request))
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  await fastify.register(configPlugin, { config: opts.config })
  await fastify.register(errorHandler)
  await fastify.register(mongoosePlugin)
  await fastify.register(databaseCircuit)
  await fastify.register(migrations)
  await fastify.register(metrics)
  await fastify.register(events)
  await fastify.register(repositories)
  await fastify.register(audit)
  await fastify.register(stats)
  await fastify.register(uploads)
  await fastify.register(privacy)
  await fastify.register(outboxWorker)
  await fastify.register(identity)
  await fastify.register(cookie)
  await fastify.register(expertAuth)
  await fastify.register(live)
  await fastify.register(helmet)
  await fastify.register(cors)
  await fastify.register(multipart)
  await fastify.register(swagger)
  // After auth (the key is the verified user) and before routes (its onRoute hook must see them).
  await fastify.register(rateLimit)

  await fastify.register(health)
  await fastify.register(widget)
  await fastify.register(unsubscribe)
  await fastify.register(consoleRoutes)
  await fastify.register(api, { prefix: '/api/v1' })
  await fastify.register(admin, { prefix: '/admin/v1' })
}

export default fp(app, { name: 'zapytaj-eksperta' })

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (depth > 32 || value === null || typeof value !== 'object') return false
  return Object.entries(value).some(([key, v]) => key.includes('\u0000') || containsNul(v, depth + 1))
}
