import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { inject } from 'vitest'
import { MongoClient } from 'mongodb'
import { DatabaseSetupError, installFerretDB } from '../src/db/ferretdb.js'
import { ensureDatabase, withDatabase } from '../src/db/database.js'

describe('database launcher', () => {
  it('explains what to install or set when FerretDB is missing and Go is not there', () => {
    const missing = join(tmpdir(), 'no-such-dir', 'ferretdb')
    expect(() => installFerretDB(() => {}, { binary: missing, goCommand: 'go-is-not-installed' })).toThrow(DatabaseSetupError)
    expect(() => installFerretDB(() => {}, { binary: missing, goCommand: 'go-is-not-installed' })).toThrow(/Install Go .* or set MONGODB_URI/s)
  })

  it('uses MONGODB_URI as it is and starts nothing', async () => {
    const previous = process.env.MONGODB_URI
    process.env.MONGODB_URI = inject('mongoServerUri')
    try {
      const db = await ensureDatabase()
      expect(db.embedded).toBeNull()
      expect(db.serverUri).toBe(inject('mongoServerUri'))
    } finally {
      if (previous === undefined) delete process.env.MONGODB_URI
      else process.env.MONGODB_URI = previous
    }
  })

  it('the started server speaks the MongoDB wire protocol (insert, find, index)', async () => {
    const client = await new MongoClient(withDatabase(inject('mongoServerUri'), 'launcher_check')).connect()
    try {
      const col = client.db().collection('things')
      await col.createIndex({ n: 1 }, { unique: true })
      await col.insertMany([{ n: 1 }, { n: 2 }])
      await expect(col.insertOne({ n: 1 })).rejects.toThrow(/duplicate/i)
      expect(await col.countDocuments({ n: { $gt: 1 } })).toBe(1)
    } finally {
      await client.close()
    }
  })
})
