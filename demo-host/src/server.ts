import { buildApp } from './app.js'
import { ConfigError, readConfig } from './config.js'

let config
try {
  config = readConfig()
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`[demo-host] ${err.message}`)
    process.exit(1)
  }
  throw err
}

const app = await buildApp(config, { logger: { level: config.logLevel } })

let closing = false
const close = (signal: string) => {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'closing')
  app.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.on('SIGINT', () => close('SIGINT'))
process.on('SIGTERM', () => close('SIGTERM'))

await app.listen({ host: config.host, port: config.port })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.port
console.log(`MojeBiuro24 demo host on http://${config.host}:${port}/ (widget from ${config.serviceUrl})`)
