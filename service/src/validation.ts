import { Ajv, type AnySchema } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

const shared = {
  // Unknown properties are an error, not silently dropped: `?view[$ne]=x` must be a 400.
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  // With Ajv's default strictNumbers, "?limit=1e309" is coerced to Infinity and then
  // passes minimum/maximum (found by test/hardening/bad-input); off, ranges hold.
  strictNumbers: false,
  // As Fastify's own compiler: a schema's $id does not register it globally.
  addUsedSchema: false
} as const

/**
 * Query strings, path parameters and headers arrive as text, so they are coerced to the
 * schema's types (`?limit=20`, `?ids=a` → one-element array). A JSON body already has
 * types: coercing it would store `{"body": false}` as the text "false" (found by
 * Schemathesis), so bodies are validated as sent.
 */
export function requestValidatorCompiler(): FastifySchemaCompiler<AnySchema> {
  const text = addFormats.default(new Ajv({ ...shared, coerceTypes: 'array' }))
  const json = addFormats.default(new Ajv({ ...shared, coerceTypes: false }))
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? json : text
    const id = (schema as { $id?: string }).$id
    const known = id ? ajv.getSchema(id) : undefined
    return (known ?? ajv.compile(schema)) as ReturnType<FastifySchemaCompiler<AnySchema>>
  }
}
