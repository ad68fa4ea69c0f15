import type { FastifyRequest } from 'fastify'
import { Ajv, type ValidateFunction } from 'ajv'
import type { TSchema, Static } from 'typebox'
import type { Types } from 'mongoose'
import { AppError } from '../errors.js'
import type { AttachmentTenant, StoredAttachment } from '../repositories/attachments.js'
import type { Uploads } from '../plugins/app/uploads.js'
import type { QuotaCharge } from './quota.js'
import { storeFile } from './store-file.js'

// Multipart fields are strings: coerce "true" to a boolean, but reject unknown fields.
const ajv = new Ajv({ allErrors: false, coerceTypes: true, useDefaults: true, removeAdditional: false })

/** Compile a TypeBox schema for multipart fields once, at start-up. */
export const fieldsValidator = <S extends TSchema>(schema: S) => ajv.compile(schema) as ValidateFunction<Static<S>>

export interface ReceiveOptions<T> {
  validate: ValidateFunction<T>
  maxFiles: number
  maxFileBytes: number
  tenant: AttachmentTenant
  /** Counts the files against the office's storage quota (chiefs' uploads; experts' are not limited). */
  chargeQuota: boolean
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
 * file size, and scanned for malware on the way (when CLAMD_URL is set). Fields may come
 * before or after the files; they are validated once everything is read. On ANY failure —
 * here, in the scanner, the quota or `use` — every file this request stored is deleted and
 * its quota given back, so no orphans or partial chunks remain.
 */
export async function receiveMessage<T, R>(
  request: FastifyRequest,
  uploads: Uploads,
  options: ReceiveOptions<T>,
  use: (received: Received<T>) => Promise<R>
): Promise<R> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data')
  const { attachments, scanner } = uploads
  const uploaded: Types.ObjectId[] = []
  // Opened at the first named file part (a message without files never reads the quota), then shared by all files.
  const quota: { opened: Promise<QuotaCharge | null> | null } = { opened: null }
  let storedBytes = 0
  const charge = options.chargeQuota
    ? async (fileBytes: number, final: boolean) => {
        quota.opened ??= uploads.quota.open(options.tenant, declaredLength(request))
        await (await quota.opened)?.charge(storedBytes + fileBytes, final)
      }
    : null
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
      if (CONTROL_CHARACTER.test(part.filename ?? ''))
        throw fieldError('files', `file name ${JSON.stringify(part.filename.slice(0, 100))} contains a control character`)
      options.beforeFile?.(raw)
      if (files.length >= options.maxFiles) throw new AppError('TOO_MANY_ATTACHMENTS', `At most ${options.maxFiles} files per message`)
      // A named file part: the office's quota is checked before its first byte is read.
      if (part.filename) await charge?.(0, false)
      const stored = await storeFile(part, { attachments, scanner, tenant: options.tenant, maxFileBytes: options.maxFileBytes, uploaded, charge, guarded })
      if (stored) {
        files.push(stored)
        storedBytes += stored.size
      }
    }
    if (!options.validate(raw)) {
      throw Object.assign(new Error('invalid multipart fields'), { validation: options.validate.errors ?? [], validationContext: 'body', statusCode: 400 })
    }
    return await use({ fields: raw as T, files })
  } catch (err) {
    // Both at once, so a request caught by a database outage waits for one more timeout, not several.
    const releaseQuota = async () => {
      const charged = await quota.opened?.catch(() => null)
      await charged?.release().catch((releaseErr: unknown) => request.log.warn({ err: releaseErr }, 'could not give back upload quota'))
    }
    await Promise.all([
      releaseQuota(),
      attachments
        .deleteFiles(uploaded)
        .catch((cleanupErr: unknown) => request.log.error({ err: cleanupErr, files: uploaded.map(String) }, 'could not delete uploaded files'))
    ])
    throw err
  }
}

/**
 * Errors raised while *reading* the multipart stream are the client's fault (a body that
 * ends early, a broken boundary): busboy reports some as plain Errors, which would otherwise
 * become 500s. Limit errors keep their FST_* code for the error handler.
 */
export async function* guarded<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
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

function declaredLength(request: FastifyRequest): number | undefined {
  const length = Number(request.headers['content-length'])
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined
}
