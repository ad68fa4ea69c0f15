import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import { decodeJwt } from 'jose'
import type { FastifyRequest } from 'fastify'
import { bearerToken } from './identity.js'

/** The app a request's (not yet verified) identity token names; identity verification checks it later. */
function claimedAudience(request: FastifyRequest): string | null {
  const token = bearerToken(request)
  if (!token || token.length > 8192) return null
  try {
    const { aud } = decodeJwt(token)
    return typeof aud === 'string' ? aud : null
  } catch {
    return null
  }
}

/**
 * The public widget files may be loaded by anyone (they hold no data). `/api/v1` answers an
 * origin only when it belongs to the app the identity token is for: a preflight carries no
 * token, so it is answered for any registered app's origin, and the real request then gets
 * CORS headers only from its own app's origin (the identity check refuses it otherwise).
 * `/admin/v1` is used same-origin by the console and by scripts: no CORS at all, so no other
 * site's page can drive an expert's browser against it.
 */
export default fp(
  async function corsPlugin(fastify) {
    await fastify.register(cors, {
      delegator: (request, callback) => {
        const url = request.url ?? ''
        if (url === '/widget.js' || url.startsWith('/widget-assets/')) {
          // Not strict: a malformed preflight gets the public CORS answer, not a text/plain 400.
          callback(null, { origin: '*', methods: ['GET', 'HEAD'], strictPreflight: false })
          return
        }
        const origin = request.headers.origin
        if (!origin || !url.startsWith('/api/')) {
          callback(null, { origin: false })
          return
        }
        const audience = request.method === 'OPTIONS' ? null : claimedAudience(request)
        const allowed = audience
          ? fastify.apps.findById(audience).then((app) => app?.allowedOrigins.includes(origin) ?? false)
          : fastify.apps.isOriginAllowed(origin)
        allowed.then(
          (yes) =>
            callback(null, {
              origin: yes ? origin : false,
              methods: ['GET', 'POST', 'PATCH', 'DELETE'],
              allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Last-Event-ID'],
              exposedHeaders: ['Retry-After', 'X-Request-Id', 'Content-Disposition'],
              maxAge: 600
            }),
          // Database down: answer without CORS headers rather than failing the request.
          () => callback(null, { origin: false })
        )
      }
    })
  },
  { name: 'cors', dependencies: ['repositories'] }
)
