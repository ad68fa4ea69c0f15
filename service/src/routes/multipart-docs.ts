import type { SwaggerTransform } from '@fastify/swagger'
import type { TSchema } from 'typebox'

/**
 * Multipart routes stream their parts, so Fastify must not validate a `body` (it would see
 * none); the fields are validated by the handler after the stream is consumed. This route
 * config puts the same TypeBox schema into the OpenAPI document as a multipart body.
 */
export function multipartDocs(body: TSchema): { swaggerTransform: SwaggerTransform } {
  return {
    swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body, consumes: ['multipart/form-data'] } as typeof schema, url })
  }
}

/**
 * A binary download, documented for OpenAPI with the media types it can be served as (an
 * attachment keeps the type detected at upload); the stream itself is not serialised.
 */
export const binaryResponse = (description: string, mediaTypes: readonly string[] = ['application/octet-stream']) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]))
})
