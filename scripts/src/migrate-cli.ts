// npm run migrate [-- --status]: runs the pending migrations and the index step (docs/deploy.md).
import { hostname } from 'node:os'
import mongoose from 'mongoose'
import { pino } from 'pino'
import { loadConfig } from '@ze/service/config'
import { registerModels } from '@ze/service/models'
import { createMigrator, MIGRATIONS } from '@ze/service/migrations'
import { failUsage, parseCli } from './lib/cli.js'
import { openDevDatabase } from './lib/dev-database.js'

const USAGE = `usage:
  npm run migrate              run what is pending (waits while another instance runs them)
  npm run migrate -- --status  list done and pending migrations; exit 3 when some are pending`

const { values } = parseCli({ status: { type: 'boolean', default: false }, help: { type: 'boolean' } }, USAGE)
if (values.help) failUsage('', USAGE)

const db = await openDevDatabase()
const config = loadConfig(process.env, { mongodbUri: db.uri })
const log = pino({ level: config.logLevel === 'silent' ? 'silent' : 'info' })
const connection = await mongoose.createConnection(db.uri, { serverSelectionTimeoutMS: 10_000 }).asPromise()
const migrator = createMigrator({
  connection,
  models: registerModels(connection),
  log,
  owner: `${hostname()}:${process.pid}:migrate-cli`,
  migrations: MIGRATIONS,
  batchSize: config.migrateBatchSize,
  leaseMs: 30_000
})

let exitCode = 0
try {
  if (values.status) {
    const status = await migrator.status()
    for (const m of MIGRATIONS)
      console.log(`${status.done.includes(m.id) ? 'done   ' : status.interrupted.includes(m.id) ? 'partial' : 'pending'}  ${m.id}  ${m.description}`)
    console.log(`${status.pending.includes('indexes') ? 'pending' : 'done   '}  indexes  every model's indexes`)
    exitCode = status.pending.length > 0 ? 3 : 0
  } else {
    for (;;) {
      const { ran, status } = await migrator.run()
      if (status.pending.length === 0) {
        console.log(`migrations done (${status.done.length} recorded)`)
        break
      }
      if (ran) throw new Error(`still pending after a run: ${status.pending.join(', ')}`)
      console.log(`another instance holds the migrations lease; waiting (pending: ${status.pending.join(', ')})`)
      await new Promise((resolve) => setTimeout(resolve, 2000))
    }
  }
} catch (err) {
  console.error(err)
  exitCode = 1
} finally {
  await connection.close()
  await db.close()
}
process.exit(exitCode)
