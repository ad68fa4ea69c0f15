import { Type, type Static, type TSchema } from 'typebox'
import { errorCodes, type ErrorCode } from '../errors.js'

/** One of the registry's codes. */
export const ProblemCode = Type.Enum(errorCodes, { type: 'string', description: 'Stable machine-readable error code (see the error registry)' })

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'urn:zapytaj-eksperta:problem:<code in kebab case>' }),
    title: Type.String(),
    status: Type.Integer(),
    code: ProblemCode,
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() })))
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' }
)

/** A problem document: the schema's members plus any extension member (e.g. `retryAfter`). */
export type ProblemDetails = Omit<Static<typeof Problem>, 'code'> & { code: ErrorCode; [extension: string]: unknown }

/** Every route answers errors as problem documents. */
export const problemResponses = {
  '4xx': Problem,
  '5xx': Problem
} as const

/** A date-time string with an example for the OpenAPI document. */
export const iso = (example: string) => Type.String({ format: 'date-time', examples: [example] })
export const Nullable = <T extends TSchema>(schema: T, options?: { description?: string }) => Type.Union([schema, Type.Null()], options)

export const ObjectIdString = Type.String({ pattern: '^[0-9a-fA-F]{24}$', description: 'A 24-hex-character id' })
export const IdParams = Type.Object({ id: ObjectIdString }, { additionalProperties: false })
