import { execFileSync } from 'node:child_process'
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
import { repoRoot } from '@ze/testkit/ferretdb'
import { signPersonaToken } from '@ze/testkit/sign-token'

const APP = { id: 'backup-app', name: 'Backup test', secret: 'backup-test-secret-0123456789abcdef0123', allowedOrigins: ['http://host.test'] }
const dir = mkdtempSync(join(tmpdir(), 'ze-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

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

const cli = (script: 'backup' | 'restore', uri: string) =>
  execFileSync('npm', ['run', '--silent', script, '--', dir], { cwd: repoRoot, env: { ...process.env, MONGODB_URI: uri }, encoding: 'utf8', stdio: 'pipe' })
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex')

describe('npm run backup / npm run restore (driver-level, any backend)', () => {
  it('a restore into a fresh database serves the same cases and byte-identical attachments', async () => {
    const server = inject('mongoServerUri')
    const source = withDatabase(server, `backup_src_${randomBytes(4).toString('hex')}`)
    const target = withDatabase(server, `backup_dst_${randomBytes(4).toString('hex')}`)
    const auth = { authorization: `Bearer ${await signPersonaToken('chief-office', APP.secret, 600, APP.id)}` }
    const files = [Buffer.from(randomBytes(520 * 1024).toString('base64')), Buffer.from('krótki plik'), Buffer.from('zwykły tekst\n'.repeat(1000))]

    const before = await service(source)
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
    const listBefore = (await before.inject({ method: 'GET', url: '/api/v1/cases', headers: auth })).json() as {
      items: Array<{ id: string; number: number; subject: string }>
    }
    expect(listBefore.items).toHaveLength(3)
    await before.close()

    const dumped = cli('backup', source)
    expect(dumped).toMatch(/saved fs\.chunks: \d+ documents/)
    cli('restore', target)
    expect(() => cli('restore', target)).toThrow() // only into an empty database

    const after = await service(target)
    try {
      const listAfter = (await after.inject({ method: 'GET', url: '/api/v1/cases', headers: auth })).json() as typeof listBefore
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
  }, 180_000)
})
