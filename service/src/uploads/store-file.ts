import type { MultipartFile } from '@fastify/multipart'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { fileTypeFromBuffer } from 'file-type'
import type { Types } from 'mongoose'
import { AppError } from '../errors.js'
import { SNIFF_BYTES, attachmentPolicy, decideAttachmentType, storedFilename } from '../domain/attachment-policy.js'
import { extensionOf, sanitizeFilename } from '../domain/filename.js'
import type { AttachmentTenant, AttachmentsRepository, StoredAttachment } from '../repositories/attachments.js'
import type { FileScan, Scanner } from './scanner.js'

export interface StoreContext {
  attachments: AttachmentsRepository
  scanner: Scanner | null
  tenant: AttachmentTenant
  maxFileBytes: number
  /** Every GridFS id this request opened, so the caller can delete them all on failure. */
  uploaded: Types.ObjectId[]
  /** Counts the file's bytes so far against the office quota, before they are stored; `final` once complete. */
  charge: ((fileBytes: number, final: boolean) => Promise<void>) | null
  /** Reads the multipart stream, turning busboy's plain errors into client errors. */
  guarded: <T>(source: AsyncIterable<T>) => AsyncGenerator<T>
}

interface Target {
  id: Types.ObjectId
  stream: Writable
  filename: string
  contentType: string
  scan: FileScan | null
}

/**
 * Stores one file part; null for the nameless, empty part an unused <input type=file> sends.
 * The GridFS upload opens once the type is decided, under the name that type allows; the
 * same bytes go to clamd as they arrive, and the verdict is awaited before the file counts
 * as stored — an infected file throws, and the caller deletes what was written.
 */
export async function storeFile(part: MultipartFile, context: StoreContext): Promise<StoredAttachment | null> {
  const { attachments, scanner, tenant, maxFileBytes, uploaded, charge, guarded } = context
  const given = sanitizeFilename(part.filename)
  const tooLarge = () => new AppError('ATTACHMENT_TOO_LARGE', `"${given}" is larger than ${maxFileBytes} bytes`, { maxFileBytes, filename: given })

  let head: Buffer[] = []
  let headLength = 0
  let size = 0
  let target: Target | null = null

  const open = async (bytes: Buffer): Promise<Target> => {
    const extension = extensionOf(given)
    const detected = await fileTypeFromBuffer(bytes).catch(() => undefined)
    const contentType = decideAttachmentType(bytes, extension, detected)
    if (!contentType) {
      throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', `"${given}" is not an allowed kind of file (detected: ${detected?.mime ?? 'unknown'})`, {
        allowedTypes: attachmentPolicy.allowedTypes,
        filename: given
      })
    }
    await charge?.(bytes.length, false)
    const filename = storedFilename(given, extension, contentType)
    const { id, stream } = attachments.openUpload(filename, tenant)
    // Recorded before the first byte is written, so a failure at any point deletes its chunks.
    uploaded.push(id)
    const opened = { id, stream, filename, contentType, scan: scanner?.open(given) ?? null }
    if (bytes.length > 0) await writeBoth(opened, bytes)
    return opened
  }

  try {
    for await (const chunk of guarded(part.file as AsyncIterable<Buffer>)) {
      if (part.file.truncated) throw tooLarge()
      size += chunk.length
      if (target !== null) {
        await charge?.(size, false)
        await writeBoth(target, chunk)
        continue
      }
      head.push(chunk)
      headLength += chunk.length
      if (headLength < SNIFF_BYTES) continue
      const bytes = Buffer.concat(head)
      head = []
      target = await open(bytes)
    }
    // busboy ends an over-limit file early and only marks it truncated.
    if (part.file.truncated) throw tooLarge()
    if (size === 0 && !part.filename) return null
    target ??= await open(Buffer.concat(head))
    target.stream.end()
    await finished(target.stream)
    const outcome = (await target.scan?.finish()) ?? 'clean'
    await charge?.(size, true)
    if (outcome === 'unscanned') await attachments.flagUnscanned(target.id, tenant)
    return { _id: target.id, filename: target.filename, contentType: target.contentType, size }
  } catch (err) {
    target?.scan?.abort()
    throw err
  }
}

/**
 * Storage and scanner take each chunk side by side. Both writes are awaited even when one
 * fails, so no chunk insert is still in flight that could land after the cleanup deleted
 * the file's chunks; one write at a time, waiting for GridFS to store it.
 */
async function writeBoth(target: Target, chunk: Buffer): Promise<void> {
  const [stored, scanned] = await Promise.allSettled([write(target.stream, chunk), target.scan?.write(chunk)])
  if (stored.status === 'rejected') throw stored.reason
  if (scanned.status === 'rejected') throw scanned.reason
}

function write(stream: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => stream.write(chunk, (err) => (err ? reject(err) : resolve())))
}
