import Fastify from 'fastify'
import closeWithGrace from 'close-with-grace'
import { ConfigError, loadConfig } from './config.js'
import app from './app.js'
import { serverOptions } from './server-options.js'
import { loggerOptions } from './logging.js'

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

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) server.log.error({ err }, 'closing after an error')
  else server.log.info({ signal }, 'closing gracefully')
  await server.close()
})

try {
  await server.listen({ host: config.host, port: config.port })
} catch (err) {
  server.log.error({ err }, 'could not start')
  process.exit(1)
}
