import type { OutgoingHttpHeaders } from 'node:http'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { createLiveHub, type Audience, type LiveHub } from './hub.js'

declare module 'fastify' {
  interface FastifyInstance {
    liveHub: LiveHub
    /** Turns an authorised request into an event stream for the audience (shared by /api and /admin). */
    openEventStream(request: FastifyRequest, reply: FastifyReply, audience: Audience, expiresAt: Date | null): Promise<void>
  }
}

const LAST_EVENT_ID = /^\d{1,15}$/

/**
 * Server-sent events on top of this instance's feed follower. The route's auth hook has run
 * before (identity token or expert credentials), so a stream always belongs to a verified caller.
 */
export default fp(
  async function livePlugin(fastify) {
    const hub = createLiveHub(fastify.eventFollower, fastify.log, {
      heartbeatMs: fastify.config.eventsHeartbeatMs,
      unreadCount: (identity) => fastify.cases.unreadCount(identity)
    })
    fastify.decorate('liveHub', hub)
    fastify.decorate('openEventStream', async (request: FastifyRequest, reply: FastifyReply, audience: Audience, expiresAt: Date | null) => {
      const header = request.headers['last-event-id']
      // A malformed id is ignored rather than refused: the stream still starts, only without replay.
      const lastEventId = typeof header === 'string' && LAST_EVENT_ID.test(header.trim()) ? Number(header.trim()) : null
      reply.hijack()
      // Headers set by hooks so far (CORS, helmet) must survive the hijack.
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
        'x-request-id': request.id
      })
      // Heartbeats keep the stream busy; the socket's idle timeout (REQUEST_TIMEOUT_MS) is for requests.
      request.raw.socket?.setTimeout(0)
      reply.raw.write('retry: 3000\n\n')
      fastify.metrics.sseConnections.inc()
      reply.raw.once('close', () => fastify.metrics.sseConnections.dec())
      await hub.open(reply.raw, audience, lastEventId, expiresAt)
    })
    // Open streams would keep `close()` waiting; clients reconnect (elsewhere) and resume.
    fastify.addHook('preClose', async () => hub.closeAll())
  },
  { name: 'live', dependencies: ['events', 'repositories', 'metrics'] }
)
