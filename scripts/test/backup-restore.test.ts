import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import app from '@ze/service/app'
import { loadConfig } from '@ze/service/config'
import { serverOptions } from '@ze/service/server-options'
import { withDatabase } from '@ze/testkit/database'
import { repoRoot, startFerretDB, tempDataDir } from '@ze/testkit/ferretdb'
import { signPersonaToken } from '@ze/testkit/sign-token'

const APP = { id: 'backup-app', name: 'Backup test', secret: 'backup-test-secret-0123456789abcdef0123', allowedOrigins: ['http://host.test'] }
const root = mkdtempSync(join(tmpdir(), 'ze-backup-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const postgresqlUrl = inject('postgresqlUrl')

async function service(mongodbUri: string): Promise<FastifyInstance> {
  const config = loadConfig({}, { mongodbUri, logLevel: 'silent', bootstrapApps: [APP], appCacheTtlMs: 0 })
  const fastify = Fastify(serverOptions(config, false))
  await fastify.register(app, { config })
  await fastify.ready()
  const deadline = Date.now() + 30_000
  while (fastify.db.readyState !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  await fastify.apps.upsert(APP)
  return fastify
}

const cli = (args: string[], uri: string, pgUrl = '') =>
  execFileSync('npm', ['run', '--silent', ...args], {
    cwd: repoRoot,
    env: { ...process.env, MONGODB_URI: uri, FERRETDB_POSTGRESQL_URL: pgUrl },
    encoding: 'utf8',
    stdio: 'pipe'
  })
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex')
const files = [Buffer.from(randomBytes(520 * 1024).toString('base64')), Buffer.from('krótki plik'), Buffer.from('zwykły tekst\n'.repeat(1000))]
type CaseList = { items: Array<{ id: string; number: number; subject: string }> }

/** Three cases with attachments (one of ~700 KB, several GridFS chunks) written through the service. */
async function fillSource(uri: string, auth: Record<string, string>): Promise<CaseList> {
  const before = await service(uri)
  try {
    for (const [i, data] of files.entries()) {
      const form = new FormData()
      form.append('question', `Pytanie numer ${i} o fakturę`)
      form.append('entryPoint', 'sidebar')
      form.append('files', new Blob([data], { type: 'text/plain' }), `plik-${i}.txt`)
      const request = new Request('http://x', { method: 'POST', body: form })
      const res = await before.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: Buffer.from(await request.arrayBuffer()),
        headers: { 'content-type': request.headers.get('content-type')!, ...auth }
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    const list = (await before.inject({ method: 'GET', url: '/api/v1/cases', headers: auth })).json() as CaseList
    expect(list.items).toHaveLength(3)
    return list
  } finally {
    await before.close()
  }
}

/** The service on the restored database lists the same cases and serves byte-identical attachments. */
async function expectSameService(uri: string, auth: Record<string, string>, listBefore: CaseList): Promise<void> {
  const after = await service(uri)
  try {
    const listAfter = (await after.inject({ method: 'GET', url: '/api/v1/cases', headers: auth })).json() as CaseList
    expect(listAfter.items.map(({ id, number, subject }) => ({ id, number, subject }))).toEqual(
      listBefore.items.map(({ id, number, subject }) => ({ id, number, subject }))
    )
    const seen: string[] = []
    for (const item of listAfter.items) {
      const thread = (await after.inject({ method: 'GET', url: `/api/v1/cases/${item.id}`, headers: auth })).json() as {
        messages: Array<{ attachments: Array<{ id: string; filename: string }> }>
      }
      for (const attachment of thread.messages.flatMap((m) => m.attachments)) {
        const res = await after.inject({ method: 'GET', url: `/api/v1/attachments/${attachment.id}`, headers: auth })
        expect(res.statusCode).toBe(200)
        const index = Number(/plik-(\d)\.txt/.exec(attachment.filename)![1])
        expect(sha(res.rawPayload)).toBe(sha(files[index]!))
        seen.push(attachment.filename)
      }
    }
    expect(seen.sort()).toEqual(['plik-0.txt', 'plik-1.txt', 'plik-2.txt'])
    // Unique indexes came back too: case numbers stay unique after the restore.
    const indexes = await after.db.db!.collection('cases').listIndexes().toArray()
    expect(indexes.some((i) => i.unique)).toBe(true)
  } finally {
    await after.close()
  }
}

const chief = async () => ({ authorization: `Bearer ${await signPersonaToken('chief-office', APP.secret, 600, APP.id)}` })

describe('npm run backup / npm run restore', () => {
  it('driver level (any backend): a restore into a fresh database serves the same cases and byte-identical attachments', async () => {
    const server = inject('mongoServerUri')
    const source = withDatabase(server, `backup_src_${randomBytes(4).toString('hex')}`)
    const target = withDatabase(server, `backup_dst_${randomBytes(4).toString('hex')}`)
    const dir = join(root, 'driver')
    const auth = await chief()
    const listBefore = await fillSource(source, auth)

    const dumped = cli(['backup', '--', dir, '--driver'], source, postgresqlUrl)
    expect(dumped).toMatch(/saved fs\.chunks: \d+ documents/)
    cli(['restore', '--', dir], target)
    expect(() => cli(['restore', '--', dir], target)).toThrow() // only into an empty database
    await expectSameService(target, auth, listBefore)
  }, 180_000)

  // FerretDB on PostgreSQL is the embedded default; on MongoDB or SQLite there is no pg_dump to take.
  it.skipIf(!postgresqlUrl)(
    'FerretDB on PostgreSQL: a pg_dump restored into a fresh cluster serves the same cases and byte-identical attachments',
    async () => {
      const name = `backup_pg_${randomBytes(4).toString('hex')}`
      const source = withDatabase(inject('mongoServerUri'), name)
      const dir = join(root, 'pg')
      const auth = await chief()
      const listBefore = await fillSource(source, auth)

      const dumped = cli(['backup', '--', dir], source, postgresqlUrl)
      expect(dumped).toMatch(/pg_dump of backup_pg_\w+: .*fs\.chunks \d+/)
      const fresh = await startFerretDB({ dataDir: tempDataDir(), backend: 'postgresql' })
      try {
        // As docs/deploy.md says: FerretDB stopped while PostgreSQL restores, started afterwards.
        fresh.process.kill('SIGTERM')
        await once(fresh.process, 'exit')
        expect(cli(['restore', '--', dir], '', fresh.postgresqlUrl!)).toMatch(/pg_restore of backup_pg_\w+: .*fs\.chunks \d+/)
        expect(() => cli(['restore', '--', dir], '', fresh.postgresqlUrl!)).toThrow(/already exists/)
        await fresh.restart()
        await expectSameService(withDatabase(fresh.uri, name), auth, listBefore)
      } finally {
        await fresh.stop()
        rmSync(fresh.dataDir, { recursive: true, force: true })
      }
    },
    300_000
  )
})
