import mongoose, { Types, type Connection } from 'mongoose'
import type { Readable } from 'node:stream'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import type { Identity } from '../domain/identity.js'
import { toObjectId } from './map.js'

export const BUCKET = 'fs'

export interface StoredAttachment {
  _id: Types.ObjectId
  filename: string
  contentType: string
  size: number
}

export interface AttachmentTenant {
  appId: string
  officeId: string
}

/**
 * Attachment bytes live in GridFS and are streamed in and out; who may read a file is
 * decided by the message that references it (tenant, and never an internal note for end
 * users), so an uploaded file that never made it into a message is unreachable.
 */
export function createAttachmentsRepository(connection: Connection, models: Models) {
  const database = () => {
    // Before the first successful connection there is no database handle: fail like any other outage.
    if (!connection.db) throw new AppError('DATABASE_UNAVAILABLE')
    return connection.db
  }
  const bucket = () => new mongoose.mongo.GridFSBucket(database(), { bucketName: BUCKET })

  async function fileLength(id: Types.ObjectId): Promise<number | null> {
    const file = await database()
      .collection(`${BUCKET}.files`)
      .findOne({ _id: id }, { projection: { length: 1 } })
    return file ? Number(file.length) : null
  }

  async function locate(
    filter: Record<string, unknown>,
    id: Types.ObjectId
  ): Promise<(StoredAttachment & { length: number; unscanned: boolean; caseId: string; appId: string; officeId: string }) | null> {
    const message = await models.Message.findOne({ ...filter, 'attachments._id': id }, { attachments: 1, caseId: 1, appId: 1, officeId: 1 }).lean()
    const attachment = message?.attachments.find((a) => a._id.equals(id))
    if (!attachment) return null
    const [length, scan] = await Promise.all([fileLength(id), models.AttachmentScan.findOne({ _id: id }, { state: 1, signature: 1 }).lean()])
    // Found infected by the rescan after it was accepted unscanned: the bytes are gone; say why.
    if (scan?.state === 'infected')
      throw new AppError('ATTACHMENT_INFECTED', `"${attachment.filename}" was found to contain malware (${scan.signature}) and was deleted`, {
        signature: scan.signature
      })
    if (length === null) return null
    // The owning case and tenant travel along for the audit log of downloads.
    return {
      _id: attachment._id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      length,
      unscanned: scan?.state === 'pending',
      caseId: String(message!.caseId),
      appId: message!.appId,
      officeId: message!.officeId
    }
  }

  return {
    /** Opens a GridFS upload under a fresh id; the caller owns cleanup through `deleteFiles`. */
    openUpload(filename: string, tenant: AttachmentTenant) {
      const id = new Types.ObjectId()
      const stream = bucket().openUploadStreamWithId(id, filename, { metadata: tenant })
      return { id, stream }
    },

    /** Removes files and their chunks; also removes chunks of uploads that never completed. */
    async deleteFiles(ids: Types.ObjectId[]): Promise<void> {
      if (ids.length === 0) return
      const db = database()
      // Side by side: in a database outage the cleanup costs one timeout, not three.
      await Promise.all([
        db.collection(`${BUCKET}.chunks`).deleteMany({ files_id: { $in: ids } }),
        db.collection(`${BUCKET}.files`).deleteMany({ _id: { $in: ids } }),
        models.AttachmentScan.deleteMany({ _id: { $in: ids } })
      ])
    },

    /** Stored while the malware scanner was unavailable (SCAN_FAILURE_MODE=accept): the rescan job picks it up. */
    async flagUnscanned(id: Types.ObjectId, tenant: AttachmentTenant): Promise<void> {
      await models.AttachmentScan.create({ _id: id, state: 'pending', ...tenant, flaggedAt: new Date() })
    },

    /** Files waiting for a rescan, oldest flags first among those read (FerretDB sorts nothing server-side). */
    async pendingScans(limit: number) {
      const pending = await models.AttachmentScan.find({ state: 'pending' }, { _id: 1, flaggedAt: 1 }).limit(limit).lean()
      return pending.sort((a, b) => a.flaggedAt.getTime() - b.flaggedAt.getTime()).map((p) => p._id)
    },

    async scanState(id: Types.ObjectId) {
      return models.AttachmentScan.findOne({ _id: id }).lean()
    },

    async markScannedClean(id: Types.ObjectId): Promise<void> {
      await models.AttachmentScan.deleteOne({ _id: id })
    },

    /** Found infected by a rescan: its bytes go, the record stays so downloads can say why. */
    async quarantine(id: Types.ObjectId, signature: string): Promise<void> {
      const db = database()
      await models.AttachmentScan.updateOne({ _id: id }, { $set: { state: 'infected', signature, scannedAt: new Date() } })
      await db.collection(`${BUCKET}.chunks`).deleteMany({ files_id: id })
      await db.collection(`${BUCKET}.files`).deleteOne({ _id: id })
    },

    /** An attachment of a public message of the chief's office, or null (callers answer 404). */
    async findForChief(identity: Identity, rawId: string) {
      const id = toObjectId(rawId)
      return id ? locate({ ...identity.tenant, internal: false }, id) : null
    },

    /** Experts may read every attachment, including those of internal notes. */
    async findForExpert(rawId: string) {
      const id = toObjectId(rawId)
      return id ? locate({}, id) : null
    },

    openDownload(id: Types.ObjectId): Readable {
      return bucket().openDownloadStream(id)
    }
  }
}

export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>
