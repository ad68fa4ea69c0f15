import { dumpDatabase, restoreDatabase } from './backup/dump.js'

// npm run backup -- <dir>   /   npm run restore -- <dir>   (MONGODB_URI names the database)
const [command, dir] = process.argv.slice(2)
const uri = process.env.MONGODB_URI
if (!uri || !dir || (command !== 'dump' && command !== 'restore')) {
  console.error('usage: MONGODB_URI=mongodb://…/db npm run backup -- <dir>  |  npm run restore -- <dir> (into an empty database)')
  process.exit(2)
}
const manifest = command === 'dump' ? await dumpDatabase(uri, dir) : await restoreDatabase(uri, dir)
for (const c of manifest.collections)
  console.log(`${command === 'dump' ? 'saved' : 'restored'} ${c.name}: ${c.documents} documents, ${c.indexes.length} indexes`)
