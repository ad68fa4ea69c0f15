import { Readable } from 'node:stream'
import type { Connection, Types } from 'mongoose'
import { ZipFile } from 'yazl'
import type { Models } from '../models/index.js'
import { BUCKET } from '../repositories/attachments.js'
import { safeFilename } from './names.js'

export interface OfficeRef {
  appId: string
  officeId: string
}

interface Cursorable {
  cursor(): AsyncIterable<unknown>
}

/** A JSON array produced document by document from a database cursor: memory holds one document at a time. */
function jsonArray(query: () => Cursorable): Readable {
  return Readable.from(
    (async function* () {
      yield '[\n'
      let first = true
      for await (const doc of query().cursor()) {
        yield `${first ? '' : ',\n'}${JSON.stringify(doc)}`
        first = false
      }
      yield '\n]\n'
    })()
  )
}

/**
 * Everything stored about one office as a zip (RODO access / portability): its cases (with
 * ratings and context), every message (internal notes marked), forum threads and posts
 * written from the office, and each attachment's bytes under `attachments/`. Entries are
 * produced one after the other from database cursors and GridFS streams, so memory does not
 * grow with the amount of data; only the list of attachment ids is collected first (the zip
 * directory needs every name before the archive ends).
 */
export async function exportOffice(connection: Connection, models: Models, office: OfficeRef): Promise<{ stream: Readable; attachments: number }> {
  const tenant = { appId: office.appId, officeId: office.officeId }
  const files: Array<{ id: Types.ObjectId; path: string }> = []
  for await (const m of models.Message.find(tenant, { attachments: 1 }).lean().cursor()) {
    for (const a of m.attachments) files.push({ id: a._id, path: `attachments/${String(a._id)}-${safeFilename(a.filename)}` })
  }
  const cases = await models.Case.countDocuments(tenant)
  const db = connection.db
  if (!db) throw new Error('database not connected')
  const chunks = db.collection(`${BUCKET}.chunks`)
  // The driver's GridFS stream fetches a first batch of 101 chunks (~25 MB) at once, which would
  // make memory grow with the file; this cursor asks for a few chunks per round trip.
  const fileBytes = (id: Types.ObjectId): Readable =>
    Readable.from(
      (async function* () {
        for await (const chunk of chunks
          .find({ files_id: id }, { projection: { data: 1 } })
          .sort({ n: 1 })
          .batchSize(4)) {
          yield Buffer.from((chunk.data as { buffer: Uint8Array }).buffer)
        }
      })()
    )

  const zip = new ZipFile()
  const summary = {
    ...tenant,
    exportedAt: new Date().toISOString(),
    cases,
    attachments: files.length,
    files: ['cases.json', 'messages.json', 'ratings.json', 'forum-threads.json', 'forum-posts.json', 'article-feedback.json', 'attachments/']
  }
  zip.addBuffer(Buffer.from(JSON.stringify(summary, null, 2)), 'office.json')
  const json = (name: string, query: () => Cursorable) => zip.addReadStreamLazy(name, (cb) => cb(null, jsonArray(query)))
  json('cases.json', () => models.Case.find(tenant).lean())
  json('messages.json', () => models.Message.find(tenant).lean())
  json('ratings.json', () => models.Case.find({ ...tenant, rating: { $ne: null } }, { number: 1, subject: 1, rating: 1 }).lean())
  json('forum-threads.json', () => models.ForumThread.find(tenant, { search: 0 }).lean())
  json('forum-posts.json', () => models.ForumPost.find(tenant).lean())
  json('article-feedback.json', () => models.ArticleFeedback.find(tenant).lean())
  for (const file of files) {
    // Stored, not deflated: attachments are mostly compressed already, and the size is known.
    zip.addReadStreamLazy(file.path, { compress: false }, (cb) => cb(null, fileBytes(file.id)))
  }
  zip.end()
  // yazl's output is a PassThrough; typed loosely by @types/yazl.
  return { stream: zip.outputStream as Readable, attachments: files.length }
}
