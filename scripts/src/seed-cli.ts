// npm run seed -- app --id ID --name NAME --origin URL [--origin URL …] [--secret=SECRET]
// Registers (or updates) a host app: the id is the identity token's `aud`, the secret signs
// its tokens (HS256), the origins may call the API from browsers.
import { randomBytes } from 'node:crypto'
import { failUsage, parseCli } from './lib/cli.js'
import { openDevDatabase } from './lib/dev-database.js'
import { connectServiceData } from '@ze/service/service-data'
import { newWebhookSecret } from '@ze/service/notifications/webhook-events'

// A generated secret may start with "-", which only the --secret=VALUE form passes through.
const USAGE =
  'usage: npm run seed -- app --id ID --name NAME --origin https://host.example [--origin …] [--secret=SECRET (≥ 32 chars)]\n' +
  '         [--case-url-template https://host.example/wiadomosci?case={id}] [--webhook-url https://host.example/hooks [--webhook-secret=whsec_…]]'
const { positionals, values } = parseCli(
  {
    id: { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string', multiple: true },
    secret: { type: 'string' },
    'case-url-template': { type: 'string' },
    'webhook-url': { type: 'string' },
    'webhook-secret': { type: 'string' }
  },
  USAGE
)
function fail(message: string): never {
  return failUsage(message, USAGE)
}

if (positionals[0] !== 'app') fail('the only seed command is `app`; `npm run demo` seeds the demo data')
if (!values.id || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(values.id)) fail('--id must be 2–63 lower-case letters, digits or dashes')
if (!values.name) fail('--name is required')
const origins = values.origin ?? []
for (const origin of origins) if (!/^https?:\/\/[^/]+$/.test(origin)) fail(`--origin ${origin} must be a scheme and host without a path`)
if (values.secret !== undefined && values.secret.length < 32) fail('--secret must be at least 32 characters')
const caseUrlTemplate = values['case-url-template']
if (caseUrlTemplate !== undefined && !/^https?:\/\/\S+$/.test(caseUrlTemplate))
  fail('--case-url-template must be an http(s) URL, e.g. https://app.example/wiadomosci?case={id}')
const webhookUrl = values['webhook-url']
if (webhookUrl !== undefined && !/^https?:\/\/\S+$/.test(webhookUrl)) fail('--webhook-url must be an http(s) URL')
const givenWebhookSecret = values['webhook-secret']
if (givenWebhookSecret !== undefined && !/^whsec_[A-Za-z0-9+/=]{32,}$/.test(givenWebhookSecret))
  fail('--webhook-secret must look like whsec_<base64 of 24–64 bytes>')
if (givenWebhookSecret !== undefined && webhookUrl === undefined) fail('--webhook-secret needs --webhook-url')

const secret = values.secret ?? randomBytes(32).toString('base64url')
const db = await openDevDatabase()
const data = await connectServiceData(db.uri)
try {
  const webhookSecret = webhookUrl === undefined ? undefined : (givenWebhookSecret ?? newWebhookSecret())
  await data.apps.upsert({ id: values.id, name: values.name, secret, allowedOrigins: origins, caseUrlTemplate, webhookUrl, webhookSecret })
  console.log(`App ${values.id} (${values.name}) registered; allowed origins: ${origins.join(', ') || 'none'}.`)
  if (caseUrlTemplate) console.log(`E-mails link to cases at ${caseUrlTemplate}`)
  if (webhookUrl) console.log(`Webhooks (case.created, case.replied, case.resolved, case.read) go to ${webhookUrl}`)
  if (webhookUrl && !givenWebhookSecret) console.log(`Webhook signing secret (verify webhook-signature with it):\n${webhookSecret}`)
  if (!values.secret) console.log(`Signing secret (keep it on the host's backend only):\n${secret}`)
} finally {
  await data.close()
  await db.close()
}
