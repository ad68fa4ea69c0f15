import { createHash } from 'node:crypto'
import mongoose from 'mongoose'
import type { FastifyInstance } from 'fastify'

const { EJSON } = mongoose.mongo.BSON

/**
 * Bookkeeping, not stored user data: rate-limit slots come and go with every limited request; the outbox worker renews its
 * lease; the audit log grows with the requests it records (e.g. rejected keys) and the retention job keeps its place in job_state.
 */
const BOOKKEEPING = new Set(['rate_limits', 'leases', 'lease_claims', 'audit', 'job_state'])
/** Fields that record use, not data: an API key's last use moves with every authenticated request (at most once a minute). */
const USE_STAMPS: Record<string, string[]> = { expert_keys: ['lastUsedAt'] }

export type Snapshot = Map<string, Map<string, string>>

/** A hash of every document of every collection (GridFS included), by collection and _id. */
export async function snapshot(app: FastifyInstance): Promise<Snapshot> {
  const db = app.db.db!
  const result: Snapshot = new Map()
  const collections = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !BOOKKEEPING.has(n))
    .sort()
  for (const name of collections) {
    const docs = new Map<string, string>()
    for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) {
      for (const field of USE_STAMPS[name] ?? []) delete doc[field]
      docs.set(
        EJSON.stringify(doc._id),
        createHash('sha256')
          .update(EJSON.stringify(doc, { relaxed: false }))
          .digest('hex')
      )
    }
    result.set(name, docs)
  }
  return result
}

/** One digest for the whole database, for printing. */
export function digest(s: Snapshot): string {
  const h = createHash('sha256')
  for (const [name, docs] of s) for (const [id, hash] of docs) h.update(`${name}/${id}/${hash}\n`)
  return h.digest('hex').slice(0, 16)
}

/** What changed between two snapshots: removed or modified documents, and new ones. */
export function diff(before: Snapshot, after: Snapshot): { changed: string[]; added: string[] } {
  const changed: string[] = []
  const added: string[] = []
  for (const [name, docs] of before) {
    const now = after.get(name) ?? new Map<string, string>()
    for (const [id, hash] of docs) if (now.get(id) !== hash) changed.push(`${name}/${id} ${now.has(id) ? 'modified' : 'removed'}`)
  }
  for (const [name, docs] of after) {
    const then = before.get(name) ?? new Map<string, string>()
    for (const id of docs.keys()) if (!then.has(id)) added.push(`${name}/${id}`)
  }
  return { changed, added }
}
