import type { FastifyPluginAsync } from 'fastify'
import fastifyStatic from '@fastify/static'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../errors.js'

/**
 * The experts' console (console/dist) at /console/. Its own Content-Security-Policy is
 * stricter than the service default: no inline script or style at all, data only from
 * this origin. Hashed assets are cached for a year; index.html is revalidated.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'"
].join('; ')

const consoleRoutes: FastifyPluginAsync = async (fastify) => {
  const root = fastify.config.consoleDistDir
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('content-security-policy', CONSOLE_CSP)
    reply.header('cache-control', request.url.startsWith('/console/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
  })
  fastify.get('/console', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console/', 301))
  if (!existsSync(join(root, 'index.html'))) {
    fastify.get('/console/*', { schema: { hide: true } }, async () => {
      throw new AppError('NOT_FOUND', 'The console has not been built; run `npm run build`')
    })
    return
  }
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/console/',
    index: ['index.html'],
    wildcard: true,
    cacheControl: false,
    etag: true,
    lastModified: false,
    schemaHide: true
  })
}

export default consoleRoutes
