import { Ajv } from 'ajv'
import { Type, type Static } from 'typebox'

const AppEntry = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
    name: Type.String({ minLength: 1 }),
    secret: Type.String({ minLength: 32 }),
    allowedOrigins: Type.Array(Type.String({ pattern: '^https?://[^/]+$' })),
    /** Link to a case in the host app for e-mails; `{id}` and `{number}` are replaced. */
    caseUrlTemplate: Type.Optional(Type.String({ pattern: '^https?://' })),
    /** Standard Webhooks endpoint of the host app and its signing secret (`whsec_…`). */
    webhookUrl: Type.Optional(Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()])),
    webhookSecret: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9+/=]{32,}$' }))
  },
  { additionalProperties: false }
)

export const ConfigSchema = Type.Object({
  /** Address to listen on (`0.0.0.0` behind a load balancer). */
  host: Type.String({ minLength: 1 }),
  /** Port to listen on (0 = any free port, logged at start). */
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  /** MongoDB (or FerretDB) connection string including the database name. */
  mongodbUri: Type.String({ pattern: '^mongodb(\\+srv)?://' }),
  /** Cases per segment of the case lists before it splits (docs/adr/0100-bounded-hot-queries.md). */
  caseListSegmentMax: Type.Integer({ minimum: 2, maximum: 10_000 }),
  /** Pages of the chief's list (and unread counts) an instance caches, validated per read (docs/adr/0101-cached-list-pages.md); 0 = off. */
  caseListCacheEntries: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  /** Longest time a cached page is served even when its office's version token did not move (0: no limit). */
  caseListCacheTtlMs: Type.Integer({ minimum: 0, maximum: 3_600_000 }),
  /** The PostgreSQL database under FerretDB, when the service may tune it (db-tuning); null otherwise. */
  ferretdbPostgresqlUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
  /** FerretDB's --sqlite-url (its folder of .sqlite files) on the SQLite backend, when the service may tune it (db-tuning); null otherwise. */
  ferretdbSqliteUrl: Type.Union([Type.String({ pattern: '^file:' }), Type.Null()]),
  /** pino log level; logs are JSON lines on stdout with tokens, cookies and people's words redacted. */
  logLevel: Type.Union([
    Type.Literal('fatal'),
    Type.Literal('error'),
    Type.Literal('warn'),
    Type.Literal('info'),
    Type.Literal('debug'),
    Type.Literal('trace'),
    Type.Literal('silent')
  ]),
  /** Apps upserted into the database at start; the database stays the source of truth. */
  bootstrapApps: Type.Array(AppEntry),
  /** Longest accepted `exp - iat` of a host app's identity token. */
  tokenMaxLifetimeSeconds: Type.Integer({ minimum: 60, maximum: 86_400 }),
  /** Clock skew allowed when checking `exp` and `iat`. */
  tokenClockToleranceSeconds: Type.Integer({ minimum: 0, maximum: 300 }),
  /** Largest attachment (413 ATTACHMENT_TOO_LARGE above). */
  uploadMaxFileBytes: Type.Integer({ minimum: 1024 }),
  /** Attachments per message (413 TOO_MANY_ATTACHMENTS above). */
  uploadMaxFiles: Type.Integer({ minimum: 1, maximum: 50 }),
  /** Largest JSON request body. */
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  /** clamd to scan every upload with (INSTREAM), `tcp://host:port`; empty = uploads are not scanned. */
  clamdUrl: Type.String({ pattern: '^(tcp://\\S+:\\d{1,5}/?)?$' }),
  /** When clamd cannot be reached: `reject` answers 503 SCANNER_UNAVAILABLE; `accept` stores the file flagged for a rescan. */
  scanFailureMode: Type.Union([Type.Literal('reject'), Type.Literal('accept')]),
  /** Longest clamd may stay silent (connect, each write, the verdict) before it counts as unavailable. */
  clamdTimeoutMs: Type.Integer({ minimum: 100 }),
  /** How often files accepted unscanned are scanned again. */
  scanRescanIntervalMs: Type.Integer({ minimum: 1000 }),
  /** Bytes one office's chiefs may upload per period, shared by all instances; 0 = no quota. */
  storageQuotaBytes: Type.Integer({ minimum: 0 }),
  /** Length of one upload-quota period. */
  storageQuotaPeriodHours: Type.Integer({ minimum: 1, maximum: 24 * 366 }),
  /** Upper bound on any single database round trip, so requests fail fast with 503 when it is down. */
  dbTimeoutMs: Type.Integer({ minimum: 100 }),
  /** Whole-request limit (headers and body), so a slow client cannot hold a connection forever. */
  requestTimeoutMs: Type.Integer({ minimum: 1000 }),
  /** Trust `X-Forwarded-*` and a sane `X-Request-Id` from the load balancer; set it only behind one. */
  trustProxy: Type.Boolean(),
  /** Where the built widget is served from (`/widget.js`). */
  widgetDistDir: Type.String(),
  /** How long an app's secret and origins are cached per instance. */
  appCacheTtlMs: Type.Integer({ minimum: 0 }),
  /** Forum threads + replies one user (or expert) may post per window, shared by all instances. */
  forumPostRateMax: Type.Integer({ minimum: 1 }),
  /** Window of FORUM_POST_RATE_MAX. */
  forumPostRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** "Zgłoś" reports of forum posts one user may send per window, shared by all instances. */
  forumReportRateMax: Type.Integer({ minimum: 1 }),
  /** Window of FORUM_REPORT_RATE_MAX. */
  forumReportRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** New cases one office chief may open per window (every instance counts into one shared window). */
  caseCreateRateMax: Type.Integer({ minimum: 1 }),
  /** Window of CASE_CREATE_RATE_MAX. */
  caseCreateRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** Chief replies in cases per window, shared by all instances. */
  caseReplyRateMax: Type.Integer({ minimum: 1 }),
  /** Window of CASE_REPLY_RATE_MAX. */
  caseReplyRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** Hosts article images may come from (empty: any https host). */
  articleImageHosts: Type.Array(Type.String({ pattern: '^[a-z0-9.-]+$' })),
  /** Outgoing mail server (nodemailer URL, e.g. smtp://127.0.0.1:1025); empty = no e-mail is written to the outbox. */
  smtpUrl: Type.String({ pattern: '^(smtps?://.*)?$' }),
  /** Sender of notification e-mails. */
  mailFrom: Type.String({ minLength: 3 }),
  /** The service's address as people reach it, for links in e-mails (unsubscribe). */
  publicUrl: Type.String({ pattern: '^https?://[^/]+(/.*)?$' }),
  /** How long an expert's public reply may stay unread before the chief is e-mailed. */
  notifyDelaySeconds: Type.Integer({ minimum: 0, maximum: 7 * 86_400 }),
  /** Whether this instance takes part in delivering the outbox (the lease lets one at a time send). */
  outboxWorker: Type.Boolean(),
  /** How often the outbox worker looks for due items. */
  outboxPollMs: Type.Integer({ minimum: 50 }),
  /** How long the outbox lease lasts without renewal (another instance takes over after it). */
  outboxLeaseMs: Type.Integer({ minimum: 1000 }),
  /** First retry delay; each further attempt doubles it, up to `outboxMaxBackoffMs`, until `outboxGiveUpMs` after the first attempt. */
  outboxRetryBaseMs: Type.Integer({ minimum: 10 }),
  /** Longest delay between two delivery attempts. */
  outboxMaxBackoffMs: Type.Integer({ minimum: 10 }),
  /** A notification still undelivered this long after its first attempt is given up (state `failed`). */
  outboxGiveUpMs: Type.Integer({ minimum: 1000 }),
  /** A webhook receiver that does not answer within this is counted as a failed attempt. */
  webhookTimeoutMs: Type.Integer({ minimum: 100 }),
  /** How often each instance reads the shared event feed (one read per instance, not per client). */
  eventsPollMs: Type.Integer({ minimum: 20, maximum: 5000 }),
  /** Comment lines on idle event streams, so proxies keep them open (at most 25 s by contract). */
  eventsHeartbeatMs: Type.Integer({ minimum: 100, maximum: 25_000 }),
  /** How long events stay in the feed (Last-Event-ID resumes within this window). */
  eventsRetentionSeconds: Type.Integer({ minimum: 60 }),
  /** An expert's "viewing"/"typing" presence lasts this long unless posted again. */
  presenceTtlSeconds: Type.Integer({ minimum: 5, maximum: 600 }),
  /** How often an instance looks for article/thread changes made by other instances. */
  searchSyncIntervalMs: Type.Integer({ minimum: 50 }),
  /** Documents one app's in-memory search index may hold (bounds its memory). */
  searchMaxDocsPerApp: Type.Integer({ minimum: 100 }),
  /** Suggestions answer with what was found within this many milliseconds. */
  suggestBudgetMs: Type.Integer({ minimum: 1, maximum: 10_000 }),
  /** Suggestion requests one user may make per window, shared by all instances. */
  suggestRateMax: Type.Integer({ minimum: 1 }),
  /** Window of SUGGEST_RATE_MAX. */
  suggestRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** production hides development aids (e.g. sign-in links in the log). */
  environment: Type.Union([Type.Literal('production'), Type.Literal('development'), Type.Literal('test')]),
  /** Console sessions end after this much inactivity, and in any case after the absolute lifetime. */
  sessionIdleMinutes: Type.Integer({ minimum: 1 }),
  /** Absolute lifetime of a console session. */
  sessionMaxHours: Type.Integer({ minimum: 1, maximum: 720 }),
  /** Sign-in link requests per address and, separately, per client address, per window. */
  signInLinkRateMax: Type.Integer({ minimum: 1 }),
  /** Window of SIGN_IN_LINK_RATE_MAX. */
  signInLinkRateWindowMs: Type.Integer({ minimum: 1000 }),
  /** Where the built expert console is served from (`/console/`). */
  consoleDistDir: Type.String(),
  /** Run pending migrations and create indexes when the service starts (one instance at a time, by lease). */
  migrateOnStart: Type.Boolean(),
  /** Documents a migration reads and writes per batch (its progress is saved after each). */
  migrateBatchSize: Type.Integer({ minimum: 1, maximum: 10_000 }),
  /** How long start-up waits for migrations before listening anyway (not ready until they finish). */
  migrateStartWaitMs: Type.Integer({ minimum: 0 }),
  /** Bearer token for GET /metrics (Prometheus); empty = the endpoint answers 404. */
  metricsToken: Type.String({ pattern: '^(|[A-Za-z0-9._~+/=-]{16,})$' }),
  /** Messages and attachments of cases resolved longer ago than this many months are deleted (0 = kept). */
  retentionMonths: Type.Integer({ minimum: 0, maximum: 1200 }),
  /** Hidden (moderated away) forum threads and posts older than this many months are deleted (0 = kept). */
  forumRetentionMonths: Type.Integer({ minimum: 0, maximum: 1200 }),
  /** Audit records are kept this many months (0 = forever). */
  auditRetentionMonths: Type.Integer({ minimum: 0, maximum: 1200 }),
  /** The retention job only reports what it would delete (log and audit record). */
  retentionDryRun: Type.Boolean(),
  /** How often the retention job runs (one instance at a time, by lease); 0 = never on this instance. */
  retentionIntervalMinutes: Type.Integer({ minimum: 0 }),
  /** On SIGTERM, how long in-flight requests (uploads) may take to finish before their connections are cut; a second SIGTERM exits at once. */
  shutdownTimeoutMs: Type.Integer({ minimum: 0 })
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
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
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
    ferretdbPostgresqlUrl: env.FERRETDB_POSTGRESQL_URL || null,
    ferretdbSqliteUrl: env.FERRETDB_SQLITE_URL || null,
    caseListSegmentMax: int(env.CASE_LIST_SEGMENT_MAX, 64),
    caseListCacheEntries: int(env.CASE_LIST_CACHE_ENTRIES, 2000),
    caseListCacheTtlMs: int(env.CASE_LIST_CACHE_TTL_MS, 60_000),
    logLevel: (env.LOG_LEVEL ?? 'info') as Config['logLevel'],
    bootstrapApps: json('APPS', env.APPS, []) as Config['bootstrapApps'],
    tokenMaxLifetimeSeconds: int(env.TOKEN_MAX_LIFETIME_SECONDS, 3600),
    tokenClockToleranceSeconds: int(env.TOKEN_CLOCK_TOLERANCE_SECONDS, 30),
    uploadMaxFileBytes: int(env.UPLOAD_MAX_FILE_BYTES, 20 * 1024 * 1024),
    uploadMaxFiles: int(env.UPLOAD_MAX_FILES, 10),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 256 * 1024),
    clamdUrl: env.CLAMD_URL ?? '',
    scanFailureMode: (env.SCAN_FAILURE_MODE ?? 'reject') as Config['scanFailureMode'],
    clamdTimeoutMs: int(env.CLAMD_TIMEOUT_MS, 30_000),
    scanRescanIntervalMs: int(env.SCAN_RESCAN_INTERVAL_MS, 60_000),
    storageQuotaBytes: int(env.STORAGE_QUOTA_BYTES, 2 * 1024 ** 3),
    storageQuotaPeriodHours: int(env.STORAGE_QUOTA_PERIOD_HOURS, 24),
    dbTimeoutMs: int(env.DB_TIMEOUT_MS, 5000),
    requestTimeoutMs: int(env.REQUEST_TIMEOUT_MS, 120_000),
    trustProxy: env.TRUST_PROXY === 'true',
    widgetDistDir: env.WIDGET_DIST_DIR ?? new URL('../../widget/dist', import.meta.url).pathname,
    appCacheTtlMs: int(env.APP_CACHE_TTL_MS, 30_000),
    forumPostRateMax: int(env.FORUM_POST_RATE_MAX, 5),
    forumPostRateWindowMs: int(env.FORUM_POST_RATE_WINDOW_MS, 60_000),
    forumReportRateMax: int(env.FORUM_REPORT_RATE_MAX, 10),
    forumReportRateWindowMs: int(env.FORUM_REPORT_RATE_WINDOW_MS, 3_600_000),
    caseCreateRateMax: int(env.CASE_CREATE_RATE_MAX, 30),
    caseCreateRateWindowMs: int(env.CASE_CREATE_RATE_WINDOW_MS, 600_000),
    caseReplyRateMax: int(env.CASE_REPLY_RATE_MAX, 60),
    caseReplyRateWindowMs: int(env.CASE_REPLY_RATE_WINDOW_MS, 600_000),
    articleImageHosts: list(env.ARTICLE_IMAGE_HOSTS),
    smtpUrl: env.SMTP_URL ?? '',
    mailFrom: env.MAIL_FROM ?? 'Zapytaj Eksperta <no-reply@zapytaj-eksperta.local>',
    publicUrl: (env.PUBLIC_URL ?? `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1'}:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    notifyDelaySeconds: int(env.NOTIFY_DELAY_SECONDS, 300),
    outboxWorker: env.OUTBOX_WORKER !== 'false',
    outboxPollMs: int(env.OUTBOX_POLL_MS, 1000),
    outboxLeaseMs: int(env.OUTBOX_LEASE_MS, 15_000),
    outboxRetryBaseMs: int(env.OUTBOX_RETRY_BASE_MS, 10_000),
    outboxMaxBackoffMs: int(env.OUTBOX_MAX_BACKOFF_MS, 3_600_000),
    outboxGiveUpMs: int(env.OUTBOX_GIVE_UP_MS, 86_400_000),
    webhookTimeoutMs: int(env.WEBHOOK_TIMEOUT_MS, 10_000),
    eventsPollMs: int(env.EVENTS_POLL_MS, 300),
    eventsHeartbeatMs: int(env.EVENTS_HEARTBEAT_MS, 20_000),
    eventsRetentionSeconds: int(env.EVENTS_RETENTION_SECONDS, 86_400),
    presenceTtlSeconds: int(env.PRESENCE_TTL_SECONDS, 30),
    searchSyncIntervalMs: int(env.SEARCH_SYNC_INTERVAL_MS, 2000),
    searchMaxDocsPerApp: int(env.SEARCH_MAX_DOCS_PER_APP, 50_000),
    suggestBudgetMs: int(env.SUGGEST_BUDGET_MS, 25),
    suggestRateMax: int(env.SUGGEST_RATE_MAX, 120),
    suggestRateWindowMs: int(env.SUGGEST_RATE_WINDOW_MS, 60_000),
    environment: (env.NODE_ENV ?? 'development') as Config['environment'],
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 120),
    sessionMaxHours: int(env.SESSION_MAX_HOURS, 12),
    signInLinkRateMax: int(env.SIGN_IN_LINK_RATE_MAX, 5),
    signInLinkRateWindowMs: int(env.SIGN_IN_LINK_RATE_WINDOW_MS, 900_000),
    consoleDistDir: env.CONSOLE_DIST_DIR ?? new URL('../../console/dist', import.meta.url).pathname,
    migrateOnStart: env.MIGRATE_ON_START !== 'false',
    migrateBatchSize: int(env.MIGRATE_BATCH_SIZE, 500),
    migrateStartWaitMs: int(env.MIGRATE_START_WAIT_MS, 30_000),
    metricsToken: env.METRICS_TOKEN ?? '',
    retentionMonths: int(env.RETENTION_MONTHS, 0),
    forumRetentionMonths: int(env.FORUM_RETENTION_MONTHS, 0),
    auditRetentionMonths: int(env.AUDIT_RETENTION_MONTHS, 24),
    retentionDryRun: env.RETENTION_DRY_RUN === 'true',
    retentionIntervalMinutes: int(env.RETENTION_INTERVAL_MINUTES, 60),
    shutdownTimeoutMs: int(env.SHUTDOWN_TIMEOUT_MS, 25_000),
    ...overrides
  }
  if (!validateConfig(candidate)) {
    const problems = (validateConfig.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')
    throw new ConfigError(`invalid configuration: ${problems}`)
  }
  return candidate
}
