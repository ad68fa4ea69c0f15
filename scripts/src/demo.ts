// npm run demo — database + service + demo host + demo data, stopped together by Ctrl-C.
// `npm run demo -- --instances 2` runs two service instances behind a round-robin proxy on PORT.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ensureDatabase, tuningEnv } from '@ze/testkit/database'
import { DatabaseSetupError, repoRoot } from '@ze/testkit/ferretdb'
import { clearDemoState, devDatabaseUri, writeDemoState } from './lib/dev-database.js'
import { portIsFree, startChild, waitForHttp, type Child } from '@ze/testkit/processes'
import type { RoundRobinProxy } from '@ze/testkit/proxy'
import { startServiceInstances } from '@ze/testkit/service-instances'
import { mailedSignInLink } from './lib/console-sign-in.js'
import { connectServiceData } from '@ze/service/service-data'
import { startMailpit, type RunningMailpit } from '@ze/testkit/mailpit'
import { demoClamdDir, ScanSetupError, startClamd, type RunningClamd } from '@ze/testkit/clamd'
import { newWebhookSecret } from '@ze/service/notifications/webhook-events'
import { clamdAnswers } from '@ze/service/uploads/clamd'
import { runSeeds } from '@ze/testkit/seed'
import { DEMO_APP_ID } from '@ze/testkit/personas'

const PORT = Number(process.env.PORT ?? 3000)
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8080)
const SMTP_PORT = Number(process.env.SMTP_PORT ?? 1025)
const MAIL_PORT = Number(process.env.MAIL_PORT ?? 8025)
const CLAMD_PORT = Number(process.env.CLAMD_PORT ?? 3310)
const DEMO_EXPERT_EMAIL = 'ekspert.demo@mojebiuro24.pl'
const log = (line: string) => console.log(`[demo] ${line}`)
const INSTANCES = Number(parseArgs({ options: { instances: { type: 'string', default: '1' } } }).values.instances)
if (!Number.isInteger(INSTANCES) || INSTANCES < 1 || INSTANCES > 8) {
  console.error('[demo] --instances takes a whole number from 1 to 8')
  process.exit(1)
}
/** With several instances the proxy has PORT and the instances the ports after it. */
const INSTANCE_PORTS = INSTANCES === 1 ? [PORT] : Array.from({ length: INSTANCES }, (_, i) => PORT + 1 + i)

/** A demo secret made once and kept in the git-ignored .data folder. */
function demoSecret(name: string, make: () => string): string {
  const file = join(repoRoot, '.data', name)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(join(repoRoot, '.data'), { recursive: true })
  const secret = make()
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

const children: Child[] = []
let stopDatabase: () => Promise<void> = async () => {}
let mailpit: RunningMailpit | null = null
let clamd: RunningClamd | null = null
let proxy: RoundRobinProxy | null = null
let shuttingDown = false

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true
    log('stopping…')
    await proxy?.close()
    for (const child of children.reverse()) await child.stop()
    await mailpit?.stop()
    await clamd?.stop()
    await stopDatabase()
    clearDemoState()
  }
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

try {
  const ports = [
    [PORT, INSTANCES === 1 ? 'service' : 'proxy in front of the service instances', 'PORT'],
    ...INSTANCE_PORTS.filter((p) => p !== PORT).map((p, i) => [p, `service instance ${i + 1}`, 'PORT'] as const),
    [DEMO_PORT, 'demo host', 'DEMO_PORT'],
    [SMTP_PORT, 'Mailpit SMTP', 'SMTP_PORT'],
    [MAIL_PORT, 'Mailpit inbox', 'MAIL_PORT'],
    [CLAMD_PORT, 'clamd (malware scanner)', 'CLAMD_PORT']
  ] as const
  for (const [port, what, variable] of ports) {
    const other = ports.find(([p, w]) => p === port && w !== what)
    if (other) {
      console.error(`[demo] Port ${port} is asked for both the ${what} and the ${other[1]}; pick another: ${variable}=… npm run demo`)
      process.exit(1)
    }
    if (await portIsFree(port)) continue
    console.error(
      `[demo] Port ${port} for the ${what} is already in use — is an earlier demo still running? Stop it, or pick another port: ${variable}=… npm run demo`
    )
    process.exit(1)
  }
  const db = await ensureDatabase({ log })
  stopDatabase = db.stop
  const mongodbUri = devDatabaseUri(db.serverUri)
  log(db.embedded ? `FerretDB ${db.embedded.uri} (data in ${db.embedded.dataDir})` : 'using MONGODB_URI')

  mailpit = await startMailpit({ smtpPort: SMTP_PORT, httpPort: MAIL_PORT, log })
  log(`Mailpit: SMTP ${mailpit.smtpUrl}, inbox ${mailpit.url}`)
  clamd = await startClamd({ port: CLAMD_PORT, dir: demoClamdDir, ready: clamdAnswers, log })
  log(`clamd: ${clamd.url} (EICAR test signatures only; production uses freshclam's database)`)

  const data = await connectServiceData(mongodbUri)
  const secret = process.env.DEMO_APP_SECRET ?? demoSecret('demo-app-secret', () => randomBytes(32).toString('base64url'))
  const webhookSecret = demoSecret('demo-webhook-secret', newWebhookSecret)
  const demoOrigins = [`http://localhost:${DEMO_PORT}`, `http://127.0.0.1:${DEMO_PORT}`]
  await data.apps.upsert({
    id: DEMO_APP_ID,
    name: 'MojeBiuro24 (demo)',
    secret,
    allowedOrigins: demoOrigins,
    // E-mails link back into the host's START » WIADOMOŚCI; the demo host receives the webhooks.
    caseUrlTemplate: `http://localhost:${DEMO_PORT}/wiadomosci?case={id}`,
    webhookUrl: `http://127.0.0.1:${DEMO_PORT}/demo/webhooks`,
    webhookSecret
  })
  const existing = await data.experts.findByEmail(DEMO_EXPERT_EMAIL)
  const expertKey = existing
    ? (await data.experts.rotateKey(existing.id))!
    : (await data.experts.create({ name: 'Tomasz Ekspert', email: DEMO_EXPERT_EMAIL, admin: true })).key

  const serviceUrl = `http://127.0.0.1:${PORT}`
  const demoUrl = `http://localhost:${DEMO_PORT}`
  const died = (name: string) => (code: number | null) => {
    console.error(`[demo] ${name} exited unexpectedly (code ${code})`)
    void shutdown(1)
  }
  const service = await startServiceInstances({
    ports: INSTANCE_PORTS,
    children,
    died,
    proxyPort: PORT,
    env: {
      MONGODB_URI: mongodbUri,
      ...tuningEnv(db),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      SMTP_URL: mailpit.smtpUrl,
      CLAMD_URL: clamd.url,
      PUBLIC_URL: serviceUrl,
      NOTIFY_DELAY_SECONDS: process.env.NOTIFY_DELAY_SECONDS ?? '10'
    }
  })
  proxy = service.proxy
  const { instanceUrls } = service
  children.push(
    startChild(
      'demo-host',
      process.execPath,
      [join(repoRoot, 'demo-host/dist/server.js')],
      { DEMO_PORT: String(DEMO_PORT), SERVICE_URL: serviceUrl, DEMO_APP_ID, DEMO_APP_SECRET: secret, DEMO_WEBHOOK_SECRET: webhookSecret },
      died('demo-host')
    )
  )
  await waitForHttp(`${demoUrl}/healthz`)

  await runSeeds({ serviceUrl, appSecret: secret, expertKey, connection: data.connection, log })
  await data.close()
  writeDemoState({ pid: process.pid, mongodbUri, serviceUrl, demoUrl })
  // A real single-use link, mailed through the outbox to Mailpit like any expert's (15 minutes).
  const signInLink = await mailedSignInLink(serviceUrl, mailpit.url, DEMO_EXPERT_EMAIL).catch(
    (err: Error) => `(no sign-in link: ${err.message}; ask for one on the console's sign-in page)`
  )

  console.log(`
  Zapytaj Eksperta demo is running.

    Demo host (MojeBiuro24):  ${demoUrl}/            personas: ${demoUrl}/?persona=chief-client
    Expert console:           ${serviceUrl}/console/     (sign in as Tomasz Ekspert, ${DEMO_EXPERT_EMAIL})
      one-time sign-in link:  ${signInLink}
    Service API:              ${serviceUrl}/api/v1
    OpenAPI docs:             ${serviceUrl}/docs${INSTANCES > 1 ? `\n    Service instances:        ${instanceUrls.join(', ')}   (behind the round-robin proxy on ${serviceUrl})` : ''}
    Widget script:            ${serviceUrl}/widget.js
    Malware scanner (clamd):  ${clamd.url}   (try attaching the EICAR test file: refused with ATTACHMENT_INFECTED)
    E-mail inbox (Mailpit):   ${mailpit.url}/        (an expert reply unread for ${process.env.NOTIFY_DELAY_SECONDS ?? '10'} s is mailed to the chief)

  Expert API key (admin, shown once; a new one is issued on every start):
    ${expertKey}

  For scripts:  curl -H "Authorization: Bearer ${expertKey}" ${serviceUrl}/admin/v1/cases

  Press Ctrl-C to stop everything.
`)
} catch (err) {
  console.error(err instanceof DatabaseSetupError || err instanceof ScanSetupError ? err.message : err)
  await shutdown(1)
}
