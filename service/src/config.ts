import { Ajv } from 'ajv'
import { Type, type Static } from 'typebox'

const AppEntry = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
    name: Type.String({ minLength: 1 }),
    secret: Type.String({ minLength: 32 }),
    allowedOrigins: Type.Array(Type.String({ pattern: '^https?://[^/]+$' }))
  },
  { additionalProperties: false }
)

const ConfigSchema = Type.Object({
  host: Type.String({ minLength: 1 }),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  mongodbUri: Type.String({ pattern: '^mongodb(\\+srv)?://' }),
  logLevel: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')]),
  /** Apps upserted into the database at start; the database stays the source of truth. */
  bootstrapApps: Type.Array(AppEntry),
  tokenMaxLifetimeSeconds: Type.Integer({ minimum: 60, maximum: 86_400 }),
  tokenClockToleranceSeconds: Type.Integer({ minimum: 0, maximum: 300 }),
  uploadMaxFileBytes: Type.Integer({ minimum: 1024 }),
  uploadMaxFiles: Type.Integer({ minimum: 1, maximum: 50 }),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  /** Upper bound on any single database round trip, so requests fail fast with 503 when it is down. */
  dbTimeoutMs: Type.Integer({ minimum: 100 }),
  /** Whole-request limit (headers and body), so a slow client cannot hold a connection forever. */
  requestTimeoutMs: Type.Integer({ minimum: 1000 }),
  trustProxy: Type.Boolean(),
  widgetDistDir: Type.String(),
  appCacheTtlMs: Type.Integer({ minimum: 0 }),
  /** Forum threads + replies one user (or expert) may post per window, shared by all instances. */
  forumPostRateMax: Type.Integer({ minimum: 1 }),
  forumPostRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** New cases one office chief may open per window (every instance counts into one shared window). */
  caseCreateRateMax: Type.Integer({ minimum: 1 }),
  caseCreateRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** Chief replies in cases per window, shared by all instances. */
  caseReplyRateMax: Type.Integer({ minimum: 1 }),
  caseReplyRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** Hosts article images may come from (empty: any https host). */
  articleImageHosts: Type.Array(Type.String({ pattern: '^[a-z0-9.-]+$' }))
})

export type Config = Static<typeof ConfigSchema>
export type AppBootstrap = Static<typeof AppEntry>

const ajv = new Ajv({ allErrors: true })
const validateConfig = ajv.compile<Config>(ConfigSchema)

export class ConfigError extends Error {}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN
}

/** A comma-separated list; blanks dropped. */
function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim().toLowerCase()).filter(Boolean)
}

function json(name: string, value: string | undefined, fallback: unknown): unknown {
  if (!value) return fallback
  try {
    return JSON.parse(value)
  } catch {
    throw new ConfigError(`${name} is not valid JSON`)
  }
}

/**
 * Reads and validates configuration once; the only place that looks at the environment.
 * Defaults suit local development; production sets MONGODB_URI, HOST and APPS.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const candidate: Config = {
    host: env.HOST ?? '127.0.0.1',
    port: int(env.PORT, 3000),
    mongodbUri: env.MONGODB_URI ?? '',
    logLevel: (env.LOG_LEVEL ?? 'info') as Config['logLevel'],
    bootstrapApps: json('APPS', env.APPS, []) as Config['bootstrapApps'],
    tokenMaxLifetimeSeconds: int(env.TOKEN_MAX_LIFETIME_SECONDS, 3600),
    tokenClockToleranceSeconds: int(env.TOKEN_CLOCK_TOLERANCE_SECONDS, 30),
    uploadMaxFileBytes: int(env.UPLOAD_MAX_FILE_BYTES, 20 * 1024 * 1024),
    uploadMaxFiles: int(env.UPLOAD_MAX_FILES, 10),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 256 * 1024),
    dbTimeoutMs: int(env.DB_TIMEOUT_MS, 5000),
    requestTimeoutMs: int(env.REQUEST_TIMEOUT_MS, 120_000),
    trustProxy: env.TRUST_PROXY === 'true',
    widgetDistDir: env.WIDGET_DIST_DIR ?? new URL('../../widget/dist', import.meta.url).pathname,
    appCacheTtlMs: int(env.APP_CACHE_TTL_MS, 30_000),
    forumPostRateMax: int(env.FORUM_POST_RATE_MAX, 5),
    forumPostRateWindowMs: int(env.FORUM_POST_RATE_WINDOW_MS, 60_000),
    caseCreateRateMax: int(env.CASE_CREATE_RATE_MAX, 30),
    caseCreateRateWindowMs: int(env.CASE_CREATE_RATE_WINDOW_MS, 600_000),
    caseReplyRateMax: int(env.CASE_REPLY_RATE_MAX, 60),
    caseReplyRateWindowMs: int(env.CASE_REPLY_RATE_WINDOW_MS, 600_000),
    articleImageHosts: list(env.ARTICLE_IMAGE_HOSTS),
    ...overrides
  }
  if (!validateConfig(candidate)) {
    const problems = (validateConfig.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')
    throw new ConfigError(`invalid configuration: ${problems}`)
  }
  return candidate
}
