import { dumpDatabase, restoreDatabase } from './backup/dump.js'
import { isPgBackup, pgDumpDatabase, pgRestoreDatabase } from './backup/pg-dump.js'

// npm run backup -- <dir> [--driver]   /   npm run restore -- <dir>
// MONGODB_URI names the database. With FERRETDB_POSTGRESQL_URL (FerretDB on PostgreSQL, as the
// embedded default and the service have it) the backup is a pg_dump of that database's schema;
// otherwise, or with --driver, a driver-level dump that any backend can take and restore.
const [command, dir, flag] = process.argv.slice(2)
const uri = process.env.MONGODB_URI ?? ''
const postgresqlUrl = process.env.FERRETDB_POSTGRESQL_URL
const pgRestore = command === 'restore' && !!dir && isPgBackup(dir)
if ((!uri && !pgRestore) || !dir || (command !== 'dump' && command !== 'restore') || (flag !== undefined && flag !== '--driver')) {
  console.error(
    'usage: MONGODB_URI=mongodb://…/db [FERRETDB_POSTGRESQL_URL=postgres://…] npm run backup -- <dir> [--driver]  |  npm run restore -- <dir> (into an empty database)'
  )
  process.exit(2)
}
if (command === 'dump' && postgresqlUrl && flag !== '--driver') {
  const manifest = await pgDumpDatabase(uri, postgresqlUrl, dir)
  console.log(`pg_dump of ${manifest.database}: ${manifest.collections.map((c) => `${c.name} ${c.documents}`).join(', ')}`)
} else if (pgRestore) {
  if (!postgresqlUrl) {
    console.error('this backup is a pg_dump of FerretDB on PostgreSQL: set FERRETDB_POSTGRESQL_URL to the PostgreSQL database under FerretDB')
    process.exit(2)
  }
  const manifest = pgRestoreDatabase(postgresqlUrl, dir)
  console.log(`pg_restore of ${manifest.database}: ${manifest.collections.map((c) => `${c.name} ${c.documents}`).join(', ')}`)
  console.log('(re)start FerretDB now: it reads its catalogue when it connects')
} else {
  const manifest = command === 'dump' ? await dumpDatabase(uri, dir) : await restoreDatabase(uri, dir)
  for (const c of manifest.collections)
    console.log(`${command === 'dump' ? 'saved' : 'restored'} ${c.name}: ${c.documents} documents, ${c.indexes.length} indexes`)
}
