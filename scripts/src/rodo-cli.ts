// npm run rodo -- export --app APP --office OFFICE --out export.zip | erase --app APP --office OFFICE --user USER | retention [--dry-run]
import { createWriteStream } from 'node:fs'
import { hostname, userInfo } from 'node:os'
import { pipeline } from 'node:stream/promises'
import { failUsage, parseCli } from './lib/cli.js'
import { openDevDatabase } from './lib/dev-database.js'
import { connectServiceData } from '@ze/service/service-data'
import { loadConfig } from '@ze/service/config'
import { createAttachmentsRepository } from '@ze/service/repositories/attachments'
import { exportOffice } from '@ze/service/privacy/export'
import { eraseUser } from '@ze/service/privacy/erase'
import { runRetention } from '@ze/service/privacy/retention'

const USAGE = `usage:
  npm run rodo -- export --app APP --office OFFICE --out FILE   everything stored about one office, as a zip
      (or npm run -s rodo -- export … > FILE: -s keeps npm's banner out of the zip)
  npm run rodo -- erase --app APP --office OFFICE --user USER     pseudonymise one host-app user, delete their files
  npm run rodo -- retention [--dry-run]                            apply RETENTION_MONTHS / FORUM_RETENTION_MONTHS / AUDIT_RETENTION_MONTHS once`

const { positionals, values } = parseCli(
  {
    app: { type: 'string' },
    out: { type: 'string' },
    office: { type: 'string' },
    user: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean' }
  },
  USAGE
)
const [command] = positionals
const fail = (message: string): never => failUsage(message, USAGE)
if (values.help || !command) fail('')
if (!['export', 'erase', 'retention'].includes(command!)) fail(`unknown command: ${command}`)
if (command !== 'retention' && (!values.app || !values.office)) fail(`${command} needs --app and --office`)
if (command === 'erase' && !values.user) fail('erase needs --user (the host-app user id, `sub` of the identity token)')
if (command === 'export' && !values.out && process.stdout.isTTY) fail('export writes a zip: give --out FILE or redirect stdout to a file')

/** What this CLI does is audited as the system acting for the operator who ran it. */
const cli = { kind: 'system' as const, id: 'cli', name: `rodo CLI (${userInfo().username}@${hostname()})`, appId: null, officeId: null }

const db = await openDevDatabase()
const data = await connectServiceData(db.uri)
try {
  const attachments = createAttachmentsRepository(data.connection, data.models)
  if (command === 'export') {
    const office = { appId: values.app!, officeId: values.office! }
    const { stream, attachments: count } = await exportOffice(data.connection, data.models, office)
    await data.auditLog.append([
      { action: 'office.exported', target: { type: 'office', id: office.officeId }, ...office, actor: cli, detail: { attachments: count } }
    ])
    await pipeline(stream, values.out ? createWriteStream(values.out) : process.stdout)
    console.error(`exported office ${office.officeId} of ${office.appId} (${count} attachments)`)
  } else if (command === 'erase') {
    const report = await eraseUser(data.models, attachments, data.auditLog, { appId: values.app!, officeId: values.office!, userId: values.user! })
    const { pseudonymId, ...counts } = report
    await data.auditLog.append([
      { action: 'user.erased', target: { type: 'user', id: pseudonymId }, appId: values.app!, officeId: values.office!, actor: cli, detail: counts }
    ])
    console.log(JSON.stringify(report, null, 2))
  } else {
    const config = loadConfig(process.env, { mongodbUri: db.uri })
    const policy = { caseMonths: config.retentionMonths, forumMonths: config.forumRetentionMonths, auditMonths: config.auditRetentionMonths }
    const report = await runRetention({ models: data.models, attachments, auditLog: data.auditLog }, policy, { dryRun: values['dry-run'] ?? false })
    const detail = {
      dryRun: report.dryRun,
      cases: report.cases.cases,
      attachments: report.cases.attachments,
      forumThreads: report.forum.threads,
      auditDeleted: report.audit.deleted
    }
    await data.auditLog.append([
      { action: report.dryRun ? 'retention.dry-run' : 'retention.ran', target: { type: 'retention', id: report.at.slice(0, 10) }, actor: cli, detail }
    ])
    console.log(JSON.stringify(report, null, 2))
  }
} finally {
  await data.close()
  await db.close()
}
