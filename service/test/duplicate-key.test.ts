import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mongo } from 'mongoose'
import { testDatabaseUri } from './helpers/app.js'
import { isDuplicateKey } from '../src/repositories/duplicate-key.js'

// What the database under test (FerretDB on PostgreSQL by default, SQLite or MongoDB when chosen)
// really answers to a unique-index violation, on every write path the repositories use.
describe('isDuplicateKey against the real database', () => {
  let client: mongo.MongoClient
  let items: mongo.Collection<{ _id: number; key: string; n?: number }>

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(testDatabaseUri())
    items = client.db().collection('duplicate_key_probe')
    await items.drop().catch(() => {})
    await items.createIndex({ key: 1 }, { unique: true })
    await items.insertMany([
      { _id: 1, key: 'a' },
      { _id: 2, key: 'b' }
    ])
  })
  afterAll(async () => {
    await items.drop().catch(() => {})
    await client.close()
  })

  const failure = async (write: () => Promise<unknown>): Promise<unknown> => {
    try {
      await write()
    } catch (err) {
      return err
    }
    throw new Error('the write was expected to violate the unique index')
  }

  it('recognises a violation on insert, update, upsert and findOneAndUpdate', async () => {
    const errors = [
      await failure(() => items.insertOne({ _id: 3, key: 'a' })),
      await failure(() => items.updateOne({ _id: 2 }, { $set: { key: 'a' } })),
      await failure(() => items.updateOne({ key: 'c' }, { $set: { key: 'a' } }, { upsert: true })),
      await failure(() => items.findOneAndUpdate({ _id: 2 }, { $set: { key: 'a' } })),
      await failure(() => items.insertOne({ _id: 1, key: 'z' }))
    ]
    for (const err of errors) expect(isDuplicateKey(err), String(err)).toBe(true)
  })

  it('does not take other write errors for one', async () => {
    const err = await failure(() => items.updateOne({ _id: 1 }, { $inc: { key: 1 } } as never))
    expect(isDuplicateKey(err), String(err)).toBe(false)
    expect(isDuplicateKey(new Error('connection reset'))).toBe(false)
    expect(isDuplicateKey(undefined)).toBe(false)
  })
})
