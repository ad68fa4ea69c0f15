import { describe, expect, it } from 'vitest'
import { readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { inject } from 'vitest'
import { MongoClient } from 'mongodb'
import { DatabaseSetupError, installFerretDB, startFerretDB, tempDataDir } from '../src/db/ferretdb.js'
import { findPostgresBinDir } from '../src/db/postgres.js'
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

  it('runs FerretDB on a PostgreSQL cluster of its own, owned by an unprivileged user, and stops both', async () => {
    expect(findPostgresBinDir(), 'PostgreSQL is installed (.ci/run installs it)').not.toBeNull()
    const db = await startFerretDB({ dataDir: tempDataDir(), log: () => {} })
    const pgDir = join(db.dataDir, 'postgresql')
    try {
      expect(db.backend).toBe('postgresql')
      expect(db.postgresqlUrl).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/ferretdb$/)
      if (process.getuid?.() === 0) expect(statSync(pgDir).uid).not.toBe(0)
      const client = await new MongoClient(withDatabase(db.uri, 'launcher_pg')).connect()
      await client.db().collection('things').insertOne({ n: 1 })
      expect(await client.db().collection('things').countDocuments({ n: 1 })).toBe(1)
      await client.close()
      const postmasterPid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0])
      await db.stop()
      expect(() => process.kill(postmasterPid, 0)).toThrow()
      expect(db.process.exitCode !== null || db.process.signalCode !== null).toBe(true)
    } finally {
      await db.stop()
      rmSync(db.dataDir, { recursive: true, force: true })
    }
  })

  it('can run on the SQLite backend (the fallback when PostgreSQL is missing)', async () => {
    const db = await startFerretDB({ dataDir: tempDataDir(), backend: 'sqlite', log: () => {} })
    try {
      expect(db.backend).toBe('sqlite')
      expect(db.postgresqlUrl).toBeNull()
      const client = await new MongoClient(withDatabase(db.uri, 'sqlite_check')).connect()
      await client.db().collection('things').insertOne({ n: 1 })
      expect(await client.db().collection('things').countDocuments({ n: 1 })).toBe(1)
      await client.close()
    } finally {
      await db.stop()
      rmSync(db.dataDir, { recursive: true, force: true })
    }
  })
})
