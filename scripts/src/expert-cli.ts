// npm run expert -- create --name NAME --email EMAIL [--admin] | list | revoke ID
import { hostname, userInfo } from 'node:os'
import { failUsage, parseCli } from './lib/cli.js'
import { openDevDatabase } from './lib/dev-database.js'
import { connectServiceData } from '@ze/service/service-data'

const USAGE = `usage:
  npm run expert -- create --name NAME --email EMAIL [--admin]   prints the new key alone on its last line
  npm run expert -- list
  npm run expert -- revoke EXPERT_ID`

const { positionals, values } = parseCli(
  { name: { type: 'string' }, email: { type: 'string' }, admin: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  USAGE
)
const [command, ...rest] = positionals
function fail(message: string): never {
  return failUsage(message, USAGE)
}

if (values.help || !command) fail('')
if (command === 'create' && (!values.name || !values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email))) fail('create needs --name and a valid --email')
if (command === 'revoke' && !/^[0-9a-f]{24}$/.test(rest[0] ?? '')) fail('revoke needs an expert id (24 hex characters, see `list`)')
if (!['create', 'list', 'revoke'].includes(command)) fail(`unknown command: ${command}`)

/** Key changes made here are audited like those made through the service, as the system acting for the operator. */
const cli = { kind: 'system' as const, id: 'cli', name: `expert CLI (${userInfo().username}@${hostname()})`, appId: null, officeId: null }

const db = await openDevDatabase()
const data = await connectServiceData(db.uri)
try {
  if (command === 'create') {
    const { expert, key } = await data.experts.create({ name: values.name!, email: values.email!, admin: values.admin ?? false })
    await data.auditLog.append([{ action: 'key.created', target: { type: 'key', id: expert.id }, actor: cli, detail: { admin: expert.admin } }])
    console.log(`Created expert ${expert.name} <${expert.email}>${expert.admin ? ' (admin)' : ''}, id ${expert.id}. The key is shown once:`)
    console.log(key)
  } else if (command === 'list') {
    for (const e of await data.experts.list())
      console.log(
        `${e.id}  ${e.keyPrefixes.map((p) => `${p}…`).join(',') || '(no key)'}  ${e.admin ? 'admin ' : 'expert'}  ${e.revoked ? 'REVOKED' : 'active '}  ${e.name} <${e.email}>`
      )
  } else {
    const revoked = await data.experts.revoke(rest[0]!)
    if (revoked) await data.auditLog.append([{ action: 'key.revoked', target: { type: 'key', id: rest[0]! }, actor: cli }])
    console.log(revoked ? 'revoked' : 'no active expert with that id')
  }
} finally {
  await data.close()
  await db.close()
}
