import { Schema, type Connection } from 'mongoose'

/**
 * Atomic per-key sequences (`findOneAndUpdate` + `$inc` + upsert): human-friendly case
 * numbers per office (repositories/case-numbers.ts) and the event feed's sequence without
 * transactions, which FerretDB lacks.
 */
const counterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } }, { versionKey: false })

export const counterModel = (connection: Connection) => connection.model('Counter', counterSchema, 'counters')
