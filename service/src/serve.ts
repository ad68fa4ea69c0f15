import Fastify from 'fastify'
import closeWithGrace from 'close-with-grace'
import { ConfigError, loadConfig } from './config.js'
import app from './app.js'
import { serverOptions } from './server-options.js'
import { loggerOptions } from './logging.js'
import { flushTraces } from './telemetry/spans.js'

let config
try {
  config = loadConfig()
  if (!config.mongodbUri) throw new ConfigError('MONGODB_URI is required (npm run demo / npm run db start a local database)')
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err)
  process.exit(1)
}

const server = Fastify(serverOptions(config, loggerOptions(config)))
await server.register(app, { config })

// SIGTERM drains: the listener closes at once (the load balancer sends new connections to the
// other instances), idle keep-alive connections are closed and requests arriving on busy ones
// get 503 with `Connection: close`; event streams end with a retry hint; workers finish their
// round and release their leases; in-flight requests (uploads) get SHUTDOWN_TIMEOUT_MS, then
// their connections are cut. A second SIGTERM (or SIGINT) exits at once with status 1.
const drainMs = config.shutdownTimeoutMs
closeWithGrace({ delay: drainMs + 10_000, logger: { error: (msg: string) => server.log.error(msg) } }, async ({ signal, err }) => {
  if (err) server.log.error({ err }, 'closing after an error')
  else server.log.info({ signal, drainMs }, 'closing gracefully: draining in-flight requests')
  const cut = setTimeout(() => {
    server.log.warn('requests still in flight after SHUTDOWN_TIMEOUT_MS; closing their connections')
    server.server.closeAllConnections()
  }, drainMs)
  cut.unref()
  await server.close()
  clearTimeout(cut)
  await flushTraces()
  server.log.info('closed')
})

try {
  await server.listen({ host: config.host, port: config.port })
} catch (err) {
  server.log.error({ err }, 'could not start')
  process.exit(1)
}
