import { Schema, type Connection } from 'mongoose'

/**
 * How instances keep their in-memory search indexes current (see search/indexes.ts).
 * Every change to an article or forum thread appends a `search_changes` entry and then
 * gives the app's `search_versions` document a new random token. Each instance reads the
 * token (one `_id` lookup) every few seconds and, only when it moved, the app's recent
 * changes. A random token and not a `$inc` counter: FerretDB 1.24 loses concurrent `$inc`s,
 * and two lost increments could leave a version an instance has already seen. Entries are
 * pruned after the retention; an instance that was away longer rebuilds from scratch.
 */
const searchChangeSchema = new Schema(
  {
    appId: { type: String, required: true },
    kind: { type: String, enum: ['article', 'thread'], required: true },
    docId: { type: String, required: true },
    at: { type: Date, required: true }
  },
  { versionKey: false }
)
searchChangeSchema.index({ appId: 1 })
searchChangeSchema.index({ at: 1 })

const searchVersionSchema = new Schema({ _id: { type: String, required: true }, token: { type: String, required: true } }, { versionKey: false })

export const searchChangeModel = (connection: Connection) => connection.model('SearchChange', searchChangeSchema, 'search_changes')
export const searchVersionModel = (connection: Connection) => connection.model('SearchVersion', searchVersionSchema, 'search_versions')
