// `npm run db` — starts the embedded database for development and keeps it running.
import { ensureDatabase } from '@ze/testkit/database'
import { DatabaseSetupError } from '@ze/testkit/ferretdb'

const portArg = process.argv.indexOf('--port')
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined

try {
  const db = await ensureDatabase(port ? { port } : {})
  console.log(`MongoDB-compatible database ready: ${db.serverUri}`)
  const stop = async (): Promise<void> => {
    await db.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
  if (!db.embedded) process.exit(0)
} catch (err) {
  console.error(err instanceof DatabaseSetupError ? err.message : err)
  process.exit(1)
}
