import fp from 'fastify-plugin'
import { AppError } from '../../errors.js'
import { isDatabaseError } from './error-handler.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether requests may reach the database now; `open` means it is known to be down. */
    databaseCircuit: { state(): 'closed' | 'open'; trip(reason: string): void }
  }
}

// Routes under these prefixes read or write the database; ops routes and the widget files do not.
const NEEDS_DATABASE = ['/api/', '/admin/']
const PROBE_EVERY_MS = 500

/**
 * A circuit breaker in front of the database (issue 16). Without it every request in an
 * outage waits for the driver's server selection (DB_TIMEOUT_MS, 5 s) before failing, and
 * piles up. Once the database is known to be down — a request failed with a database error,
 * or the driver reported the connection lost — requests that need it answer 503
 * DATABASE_UNAVAILABLE at once, before auth or body parsing. While open, one ping at a time
 * probes the database (half-open); the first that answers closes the circuit, so the service
 * recovers without a restart and without letting a flood of real requests test the water.
 */
export default fp(
  async function databaseCircuitPlugin(fastify) {
    const { dbTimeoutMs } = fastify.config
    let open = false
    let probing: NodeJS.Timeout | null = null
    let closing = false

    const close = () => {
      if (!open) return
      open = false
      if (probing) clearTimeout(probing)
      probing = null
      fastify.log.info('database circuit closed: requests reach the database again')
    }

    const probe = async () => {
      probing = null
      if (!open || closing) return
      const db = fastify.db.db
      let up = false
      if (db) {
        try {
          await db.admin().command({ ping: 1 }, { timeoutMS: Math.min(dbTimeoutMs, 1000) } as object)
          up = true
        } catch {
          up = false
        }
      }
      if (up) close()
      else if (open && !closing) probing = setTimeout(() => void probe(), PROBE_EVERY_MS).unref()
    }

    // Handlers of requests in flight, each told when the circuit opens (see the onRoute hook).
    const inFlight = new Set<() => void>()

    const trip = (reason: string) => {
      if (open || closing) return
      open = true
      fastify.log.warn({ reason, inFlight: inFlight.size }, 'database circuit open: requests that need the database answer 503 at once')
      for (const abandon of [...inFlight]) abandon()
      probing = setTimeout(() => void probe(), PROBE_EVERY_MS).unref()
    }

    fastify.decorate('databaseCircuit', { state: () => (open ? 'open' : 'closed'), trip })

    fastify.db.on('disconnected', () => trip('connection lost'))
    fastify.db.on('reconnected', close)
    fastify.db.on('connected', close)

    fastify.addHook('onRequest', async (request, reply) => {
      if (!open) return
      const url = request.url
      if (!NEEDS_DATABASE.some((prefix) => url.startsWith(prefix))) return
      reply.header('retry-after', String(Math.ceil(PROBE_EVERY_MS / 1000)))
      throw new AppError('DATABASE_UNAVAILABLE', 'The database is known to be down; retry shortly')
    })

    /**
     * A request already in its handler when the database dies would otherwise wait for each
     * of its remaining database calls in turn (server selection, DB_TIMEOUT_MS each; a failed
     * upload also cleans up), several timeouts in all. Its handler races the circuit instead:
     * when the circuit opens, the request answers 503 at once and the handler's own outcome,
     * whenever it comes, is dropped (its cleanup still runs). Streams that already answered
     * (event streams hijack the reply) are left alone.
     */
    fastify.addHook('onRoute', (route) => {
      if (!NEEDS_DATABASE.some((prefix) => route.url.startsWith(prefix))) return
      const handler = route.handler
      route.handler = function raceTheCircuit(this: typeof fastify, request, reply) {
        const work: unknown = handler.call(this, request, reply)
        if (!(work instanceof Promise)) return work
        return new Promise((resolve, reject) => {
          const abandon = () => {
            if (reply.sent || reply.raw.headersSent) return
            inFlight.delete(abandon)
            reject(new AppError('DATABASE_UNAVAILABLE', 'The database went down while this request was in progress; retry shortly'))
          }
          inFlight.add(abandon)
          work.then(resolve, reject).finally(() => inFlight.delete(abandon))
        })
      }
    })

    fastify.addHook('onError', async (_request, _reply, err) => {
      if (isDatabaseError(err)) trip((err as Error).name)
    })

    fastify.addHook('preClose', async () => {
      closing = true
      if (probing) clearTimeout(probing)
    })
  },
  { name: 'database-circuit', dependencies: ['mongoose', 'error-handler'] }
)
