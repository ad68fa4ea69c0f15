/**
 * Why each direct runtime dependency is there (kept by hand; `npm run docs:deps` fails when a
 * new one is missing). Transitive packages are described by what pulls them in.
 */
export const PURPOSES: Record<string, string> = {
  '@opentelemetry/api': 'service: tracing calls (request span attributes, outbox delivery spans, trace ids in logs); a no-op without the SDK',
  '@opentelemetry/exporter-trace-otlp-http': 'service: sends spans over OTLP/HTTP; loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set',
  '@opentelemetry/instrumentation': 'service: registers the HTTP and MongoDB instrumentations (tracing only)',
  '@opentelemetry/instrumentation-http': 'service: server spans for incoming requests (tracing only)',
  '@opentelemetry/instrumentation-mongodb': 'service: spans for MongoDB driver commands (tracing only)',
  '@opentelemetry/resources': 'service: names the traced service (OTEL_SERVICE_NAME; tracing only)',
  '@opentelemetry/sdk-trace-base': 'service: batches spans for export (tracing only)',
  '@opentelemetry/sdk-trace-node': 'service: the tracer provider with async context for Node (tracing only)',
  '@fastify/cookie': 'service: reads and sets the expert console session cookie',
  '@fastify/cors': 'service: CORS for /api/v1, limited to the origins of the token’s app',
  '@fastify/helmet': 'service: security headers (CSP, HSTS, nosniff, frame options)',
  '@fastify/multipart': 'service: streams multipart uploads (questions and replies with files)',
  '@fastify/rate-limit': 'service: per-user request limits (store in the shared database)',
  '@fastify/static': 'service: serves widget.js and the console build',
  '@fastify/swagger': 'service: OpenAPI document built from the route schemas',
  '@fastify/swagger-ui': 'service: the /docs page for the OpenAPI document',
  '@fastify/type-provider-typebox': 'service: route types inferred from the TypeBox schemas',
  ajv: 'service: JSON-schema validation of configuration and requests',
  'ajv-formats': 'service: date-time, e-mail and URI formats for ajv',
  'close-with-grace': 'service: graceful shutdown on signals',
  fastify: 'service: the HTTP framework',
  'fastify-plugin': 'service: shares decorators and hooks across plugin scopes',
  'better-sqlite3':
    'service: adds the `_id` expression index to FerretDB’s SQLite files when FERRETDB_SQLITE_URL is set (db-tuning, ADR 0100); loaded only then',
  'file-type': 'service: detects an upload’s type from its content (magic bytes), not its name',
  jose: 'service: verifies identity tokens (JWT, HS256) signed by host backends',
  'markdown-it': 'service: renders article Markdown (then sanitised)',
  'lru-cache': "service: the per-instance cache of the chief's list pages (ADR 0101)",
  minisearch: 'service: in-memory full-text search for articles, forum and suggestions',
  mongoose: 'service: MongoDB/FerretDB access, schemas and the connection',
  nodemailer: 'service: sends notification e-mail over SMTP',
  pg: 'service: applies the FerretDB+PostgreSQL tuning (GIN expression indexes, plan_cache_mode) when FERRETDB_POSTGRESQL_URL is set (db-tuning, ADR 0100)',
  preact: 'widget and console: UI runtime bundled into the browser scripts',
  'prom-client': 'service: Prometheus metrics (operations, issue 17)',
  'sanitize-html': 'service: allow-list sanitiser for rendered article HTML',
  standardwebhooks: 'service: signs outgoing webhooks (Standard Webhooks)',
  typebox: 'contract and service: JSON schemas with TypeScript types',
  yazl: 'service: streams the RODO office export as a zip (JSON files and attachments, memory flat)'
}
