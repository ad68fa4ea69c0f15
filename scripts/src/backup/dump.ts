import { createReadStream, createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { BSON, MongoClient, type Document } from 'mongodb'

const { EJSON } = BSON

const BATCH = 500
const MANIFEST = 'manifest.json'

interface Manifest {
  format: 'ze-ejson-v1'
  createdAt: string
  collections: Array<{ name: string; documents: number; indexes: Document[] }>
}

/**
 * A driver-level backup that works on any backend (MongoDB, FerretDB on SQLite or PostgreSQL):
 * every collection, GridFS files and chunks included, streamed to one canonical-EJSON line per
 * document (types such as ObjectId, Date and Binary survive exactly), plus each collection's
 * index definitions. Memory stays flat: one document at a time, with the stream's backpressure.
 * Not a point-in-time snapshot: stop writes (or use pg_dump / mongodump --oplog, docs/deploy.md)
 * when one is needed.
 */
export async function dumpDatabase(uri: string, dir: string): Promise<Manifest> {
  mkdirSync(dir, { recursive: true })
  const client = await MongoClient.connect(uri)
  try {
    const db = client.db()
    const manifest: Manifest = { format: 'ze-ejson-v1', createdAt: new Date().toISOString(), collections: [] }
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.'))
    for (const name of names.sort()) {
      const out = createWriteStream(join(dir, `${name}.ejson`))
      let documents = 0
      for await (const doc of db.collection(name).find({}, { sort: { _id: 1 } })) {
        if (!out.write(`${EJSON.stringify(doc, { relaxed: false })}\n`)) await once(out, 'drain')
        documents++
      }
      out.end()
      await once(out, 'finish')
      const indexes = (await db.collection(name).listIndexes().toArray()).filter((i) => i.name !== '_id_')
      manifest.collections.push({ name, documents, indexes })
    }
    writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
    return manifest
  } finally {
    await client.close()
  }
}

/** Restores a dump into an EMPTY database (refuses otherwise), indexes first so unique keys hold. */
export async function restoreDatabase(uri: string, dir: string): Promise<Manifest> {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest
  if (manifest.format !== 'ze-ejson-v1') throw new Error(`${dir} is not a backup made by npm run backup`)
  const files = new Set(readdirSync(dir))
  const client = await MongoClient.connect(uri)
  try {
    const db = client.db()
    const existing = await db.listCollections({}, { nameOnly: true }).toArray()
    if (existing.some((c) => !c.name.startsWith('system.'))) throw new Error(`database ${db.databaseName} is not empty; restore into a fresh database`)
    for (const { name, documents, indexes } of manifest.collections) {
      if (!files.has(`${name}.ejson`)) throw new Error(`${name}.ejson is missing from ${dir}`)
      const collection = db.collection(name)
      await db.createCollection(name)
      for (const { v: _v, ns: _ns, ...index } of indexes) {
        const { key, ...options } = index as { key: Document } & Document
        await collection.createIndex(key, options)
      }
      let batch: Document[] = []
      let restored = 0
      const lines = createInterface({ input: createReadStream(join(dir, `${name}.ejson`)), crlfDelay: Infinity })
      for await (const line of lines) {
        if (!line) continue
        batch.push(EJSON.parse(line, { relaxed: false }) as Document)
        if (batch.length >= BATCH) {
          await collection.insertMany(batch, { ordered: true })
          restored += batch.length
          batch = []
        }
      }
      if (batch.length > 0) await collection.insertMany(batch, { ordered: true })
      restored += batch.length
      if (restored !== documents) throw new Error(`${name}: restored ${restored} documents, the backup has ${documents}`)
    }
    return manifest
  } finally {
    await client.close()
  }
}
