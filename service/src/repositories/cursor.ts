import { Ajv, type ValidateFunction } from 'ajv'
import { Type, type Static, type TSchema } from 'typebox'
import { Types } from 'mongoose'
import { AppError } from '../errors.js'

const ajv = new Ajv({ allErrors: false })

/** A position in a list sorted by (lastActivityAt, _id): the last item of the previous page. */
export const Position = Type.Object(
  { t: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' }), i: Type.String({ pattern: '^[0-9a-f]{24}$' }) },
  { additionalProperties: false }
)

export interface Cursor<T> {
  encode(value: T): string
  /** Throws 400 VALIDATION_FAILED for anything that is not a cursor this service made. */
  decode(raw: string): T
}

/**
 * Opaque cursors: base64url JSON, validated strictly on the way back in, so a tampered
 * cursor is a 400 and can never smuggle an operator into a query.
 */
export function cursorCodec<S extends TSchema>(schema: S): Cursor<Static<S>> {
  const validate = ajv.compile(schema) as ValidateFunction<Static<S>>
  const invalid = () =>
    new AppError('VALIDATION_FAILED', 'The cursor is not valid; start again without it', { errors: [{ path: '/cursor', message: 'is not a valid cursor' }] })
  return {
    encode: (value) => Buffer.from(JSON.stringify(value)).toString('base64url'),
    decode: (raw) => {
      let value: unknown
      try {
        value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
      } catch {
        throw invalid()
      }
      if (!validate(value)) throw invalid()
      const t = (value as { t?: unknown }).t
      if (typeof t === 'string' && Number.isNaN(Date.parse(t))) throw invalid()
      return value
    }
  }
}

type Direction = 'asc' | 'desc'

/** The keyset condition "after this position" for a (lastActivityAt, _id) sort. */
export function afterPosition(position: { t: string; i: string } | undefined, direction: Direction): Record<string, unknown> {
  if (!position) return {}
  const op = direction === 'desc' ? '$lt' : '$gt'
  const t = new Date(position.t)
  return { $or: [{ lastActivityAt: { [op]: t } }, { lastActivityAt: t, _id: { [op]: new Types.ObjectId(position.i) } }] }
}

export const positionOf = (doc: { lastActivityAt: Date; _id: Types.ObjectId }) => ({ t: doc.lastActivityAt.toISOString(), i: String(doc._id) })

/** Regex metacharacters escaped, so user text is matched literally. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
