import type { FastifyRequest } from 'fastify'
import type { MultipartFile } from '@fastify/multipart'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { Ajv, type ValidateFunction } from 'ajv'
import type { TSchema, Static } from 'typebox'
import { fileTypeFromBuffer } from 'file-type'
import type { Types } from 'mongoose'
import { AppError } from '../errors.js'
import { SNIFF_BYTES, attachmentPolicy, decideAttachmentType, storedFilename } from '../domain/attachment-policy.js'
import { extensionOf, sanitizeFilename } from '../domain/filename.js'
import type { AttachmentTenant, AttachmentsRepository, StoredAttachment } from '../repositories/attachments.js'

// Multipart fields are strings: coerce "true" to a boolean, but reject unknown fields.
const ajv = new Ajv({ allErrors: false, coerceTypes: true, useDefaults: true, removeAdditional: false })

/** Compile a TypeBox schema for multipart fields once, at start-up. */
export const fieldsValidator = <S extends TSchema>(schema: S) => ajv.compile(schema) as ValidateFunction<Static<S>>

export interface ReceiveOptions<T> {
  validate: ValidateFunction<T>
  maxFiles: number
  maxFileBytes: number
  tenant: AttachmentTenant
  /** Runs before the first byte of each file is read, with the fields received so far: refuse early. */
  beforeFile?: (fields: Readonly<Record<string, string | string[]>>) => void
}

export interface Received<T> {
  fields: T
  files: StoredAttachment[]
}

/**
 * Consumes a multipart message (fields + file parts named `files`) as a stream: each file
 * is type-checked from its first bytes and piped into GridFS, so memory does not grow with
 * file size. Fields may come before or after the files; they are validated once everything
 * is read. On ANY failure — here or in `use` — every file this request stored is deleted,
 * so no orphans or partial chunks remain.
 */
export async function receiveMessage<T, R>(
  request: FastifyRequest,
  attachments: AttachmentsRepository,
  options: ReceiveOptions<T>,
  use: (received: Received<T>) => Promise<R>
): Promise<R> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data')
  const uploaded: Types.ObjectId[] = []
  try {
    const raw: Record<string, string | string[]> = Object.create(null)
    const files: StoredAttachment[] = []
    for await (const part of guarded(request.parts())) {
      if (part.type === 'field') {
        // A part named "files" without a readable file name: the chief meant to attach something.
        if (part.fieldname === 'files') throw fieldError('files', 'is a file part without a readable file name')
        if (part.valueTruncated) throw fieldError(part.fieldname, 'is too long')
        const value = String(part.value)
        const previous = raw[part.fieldname]
        raw[part.fieldname] = previous === undefined ? value : [previous, value].flat()
        continue
      }
      if (part.fieldname !== 'files') throw fieldError(part.fieldname, 'file parts must be named "files"')
      // Refused rather than cleaned: a name that hides characters may not be what the chief sees (issue 16).
      if (CONTROL_CHARACTER.test(part.filename ?? '')) throw fieldError('files', `file name ${JSON.stringify(part.filename.slice(0, 100))} contains a control character`)
      options.beforeFile?.(raw)
      if (files.length >= options.maxFiles) throw new AppError('TOO_MANY_ATTACHMENTS', `At most ${options.maxFiles} files per message`)
      const stored = await storeFile(part, { attachments, tenant: options.tenant, maxFileBytes: options.maxFileBytes, uploaded })
      if (stored) files.push(stored)
    }
    if (!options.validate(raw)) {
      throw Object.assign(new Error('invalid multipart fields'), { validation: options.validate.errors ?? [], validationContext: 'body', statusCode: 400 })
    }
    return await use({ fields: raw as T, files })
  } catch (err) {
    await attachments.deleteFiles(uploaded).catch((cleanupErr: unknown) => request.log.error({ err: cleanupErr, files: uploaded.map(String) }, 'could not delete uploaded files'))
    throw err
  }
}

/**
 * Errors raised while *reading* the multipart stream are the client's fault (a body that
 * ends early, a broken boundary): busboy reports some as plain Errors, which would otherwise
 * become 500s. Limit errors keep their FST_* code for the error handler.
 */
async function* guarded<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    for await (const item of source) yield item
  } catch (err) {
    if (err instanceof AppError || (err as { code?: string }).code?.startsWith('FST_')) throw err
    throw new AppError('INVALID_MULTIPART', `The multipart body is malformed: ${(err as Error).message}`.slice(0, 300))
  }
}

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/

function fieldError(name: string, message: string): Error {
  return new AppError('VALIDATION_FAILED', `Field "${name}" ${message}`, { errors: [{ path: `body/${name}`, message }] })
}

interface StoreContext {
  attachments: AttachmentsRepository
  tenant: AttachmentTenant
  maxFileBytes: number
  uploaded: Types.ObjectId[]
}

/**
 * Stores one file part; null for the nameless, empty part an unused <input type=file> sends.
 * The GridFS upload opens once the type is decided, under the name that type allows.
 */
async function storeFile(part: MultipartFile, { attachments, tenant, maxFileBytes, uploaded }: StoreContext): Promise<StoredAttachment | null> {
  const given = sanitizeFilename(part.filename)
  const tooLarge = () => new AppError('ATTACHMENT_TOO_LARGE', `"${given}" is larger than ${maxFileBytes} bytes`, { maxFileBytes, filename: given })

  let head: Buffer[] = []
  let headLength = 0
  let size = 0
  let target: { id: Types.ObjectId; stream: Writable; filename: string; contentType: string } | null = null

  const open = async (bytes: Buffer) => {
    const extension = extensionOf(given)
    const detected = await fileTypeFromBuffer(bytes).catch(() => undefined)
    const contentType = decideAttachmentType(bytes, extension, detected)
    if (!contentType) {
      throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', `"${given}" is not an allowed kind of file (detected: ${detected?.mime ?? 'unknown'})`, {
        allowedTypes: attachmentPolicy.allowedTypes,
        filename: given
      })
    }
    const filename = storedFilename(given, extension, contentType)
    const { id, stream } = attachments.openUpload(filename, tenant)
    // Recorded before the first byte is written, so a failure at any point deletes its chunks.
    uploaded.push(id)
    if (bytes.length > 0) await write(stream, bytes)
    return { id, stream, filename, contentType }
  }

  for await (const chunk of guarded(part.file as AsyncIterable<Buffer>)) {
    if (part.file.truncated) throw tooLarge()
    size += chunk.length
    if (target !== null) {
      await write(target.stream, chunk)
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
  return { _id: target.id, filename: target.filename, contentType: target.contentType, size }
}

/**
 * One write at a time, waiting for GridFS to store it: when something fails, no chunk
 * insert is still in flight that could land after the cleanup deleted the file's chunks.
 */
function write(stream: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => stream.write(chunk, (err) => (err ? reject(err) : resolve())))
}
