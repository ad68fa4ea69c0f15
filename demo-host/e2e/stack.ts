// The whole product for the browser tests: a fresh FerretDB, Mailpit, the built service and the
// built demo host on free ports, the demo app and two experts — the same pieces `npm run demo` uses.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureDatabase, tuningEnv, withDatabase } from '@ze/testkit/database'
import { freePort, repoRoot } from '@ze/testkit/ferretdb'
import { startChild, waitForHttp, type Child } from '@ze/testkit/processes'
import type { RoundRobinProxy } from '@ze/testkit/proxy'
import { startServiceInstances } from '@ze/testkit/service-instances'
import { connectServiceData } from '@ze/service/service-data'
import { startMailpit } from '@ze/testkit/mailpit'
import { runSeeds } from '@ze/testkit/seed'
import { DEMO_APP_ID } from '@ze/testkit/personas'
import { newWebhookSecret } from '@ze/service/notifications/webhook-events'

export interface StackExpert {
  name: string
  email: string
  key: string
}

export interface StackInfo {
  demoUrl: string
  /** What the browser and the demo host talk to: the one instance, or the proxy in front of several. */
  serviceUrl: string
  /** Each service instance directly (one entry unless `instances` > 1). */
  instanceUrls: string[]
  /** The database server without a database name, so another stack can share it. */
  database: { serverUri: string; postgresqlUrl: string | null }
  /** Mailpit's web UI; its API (sign-in links, notifications) is under /api/v1. */
  mailUrl: string
  /** The first expert's key (an admin), also used by the seeds. */
  expertKey: string
  /** Two experts, so the console's presence and collision can be tried by two people. */
  experts: [StackExpert, StackExpert]
  appSecret: string
  mongodbUri: string
}

export interface Stack extends StackInfo {
  /** The round-robin proxy in front of the instances (null with one instance). */
  proxy: RoundRobinProxy | null
  stop(): Promise<void>
}

/**
 * The whole browser suite signs in as the same few personas, so it asks more questions in
 * ten minutes than one real chief (the default is 30 cases and 60 replies per person per
 * 10 minutes). The limits themselves are proved by the service's tests.
 */
const SUITE_LIMITS = { CASE_CREATE_RATE_MAX: '1000', CASE_REPLY_RATE_MAX: '1000' }

export interface StackOptions {
  log?: (line: string) => void
  tokenTtlSeconds?: number
  /** Extra environment for the service (e.g. wider rate limits for a fuzzer). */
  serviceEnv?: Record<string, string>
  /** Service instances on the one database; more than one puts them behind a round-robin proxy (TRUST_PROXY on). */
  instances?: number
  /** A running database server to use (with a database of its own) instead of starting one. */
  database?: StackInfo['database']
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? ((line: string) => console.log(`[e2e] ${line}`))
  const children: Child[] = []
  const db = opts.database ? { ...opts.database, embedded: null, stop: async () => undefined } : await ensureDatabase({ temporary: true })
  let stopMailpit = async (): Promise<void> => undefined
  let proxy: RoundRobinProxy | null = null
  const cleanup = async (): Promise<void> => {
    await proxy?.close()
    for (const child of children.reverse()) await child.stop()
    await stopMailpit()
    await db.stop()
    if (db.embedded) rmSync(db.embedded.dataDir, { recursive: true, force: true })
  }
  try {
    const mongodbUri = withDatabase(db.serverUri, `e2e_${randomBytes(4).toString('hex')}`)
    const ports: number[] = []
    for (let i = 0; i < (opts.instances ?? 1); i++) ports.push(await freePort())
    const demoPort = await freePort()
    const demoUrl = `http://127.0.0.1:${demoPort}`

    const data = await connectServiceData(mongodbUri)
    const appSecret = randomBytes(32).toString('base64url')
    const webhookSecret = newWebhookSecret()
    await data.apps.upsert({
      id: DEMO_APP_ID,
      name: 'MojeBiuro24 (e2e)',
      secret: appSecret,
      allowedOrigins: [demoUrl, `http://localhost:${demoPort}`],
      webhookUrl: `${demoUrl}/demo/webhooks`,
      webhookSecret
    })
    const stamp = Date.now()
    const experts = [] as unknown as [StackExpert, StackExpert]
    for (const [name, email, admin] of [
      ['Tomasz Ekspert', `tomasz.e2e.${stamp}@mojebiuro24.pl`, true],
      ['Joanna Ekspert', `joanna.e2e.${stamp}@mojebiuro24.pl`, false]
    ] as const) {
      const { expert, key } = await data.experts.create({ name, email, admin })
      experts.push({ name: expert.name, email: expert.email, key })
    }
    const expertKey = experts[0].key
    const mailpit = await startMailpit({ log })
    stopMailpit = () => mailpit.stop()

    const died = (name: string) => (code: number | null) => log(`${name} exited unexpectedly (code ${code})`)
    const quiet = process.env.E2E_VERBOSE ? 'info' : 'warn'
    const service = await startServiceInstances({
      ports,
      children,
      died,
      env: {
        MONGODB_URI: mongodbUri,
        ...tuningEnv(db),
        LOG_LEVEL: quiet,
        OUTBOX_POLL_MS: '200',
        SMTP_URL: mailpit.smtpUrl,
        ...SUITE_LIMITS,
        ...opts.serviceEnv
      }
    })
    proxy = service.proxy
    const { url: serviceUrl, instanceUrls } = service
    children.push(
      startChild(
        'demo-host',
        process.execPath,
        [join(repoRoot, 'demo-host/dist/server.js')],
        {
          DEMO_PORT: String(demoPort),
          DEMO_HOST: '127.0.0.1',
          SERVICE_URL: serviceUrl,
          DEMO_APP_ID,
          DEMO_APP_SECRET: appSecret,
          DEMO_TOKEN_TTL_SECONDS: String(opts.tokenTtlSeconds ?? 600),
          DEMO_WEBHOOK_SECRET: webhookSecret,
          LOG_LEVEL: quiet
        },
        died('demo-host')
      )
    )
    await waitForHttp(`${demoUrl}/healthz`)
    // The demo content (articles, forum, a few cases) so every view has something real to show.
    await runSeeds({ serviceUrl, appSecret, expertKey, connection: data.connection, log })
    await data.close()
    const database = { serverUri: db.serverUri, postgresqlUrl: db.postgresqlUrl }
    return { demoUrl, serviceUrl, instanceUrls, database, proxy, mailUrl: mailpit.url, expertKey, experts, appSecret, mongodbUri, stop: cleanup }
  } catch (err) {
    await cleanup()
    throw err
  }
}

// `npx tsx demo-host/e2e/stack.ts` starts the same stack by hand, to look at it in a browser.
if (import.meta.url === `file://${process.argv[1]}`) {
  const stack = await startStack()
  console.log(JSON.stringify({ demoUrl: stack.demoUrl, serviceUrl: stack.serviceUrl, mailUrl: stack.mailUrl, experts: stack.experts }, null, 2))
  const stop = () => void stack.stop().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
