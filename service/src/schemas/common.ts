import { Type } from 'typebox'

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() })))
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' }
)

/** Every route answers errors as problem documents. */
export const problemResponses = {
  '4xx': Problem,
  '5xx': Problem
} as const

export const ObjectIdString = Type.String({ pattern: '^[0-9a-fA-F]{24}$', description: 'A 24-hex-character id' })
export const IdParams = Type.Object({ id: ObjectIdString }, { additionalProperties: false })
