import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { inject } from 'vitest'
import { withDatabase } from '../src/db/database.js'
import { repoRoot } from '../src/db/ferretdb.js'
import { connectServiceData } from '../src/lib/service-data.js'

const cli = (uri: string, ...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/src/seed-cli.ts'), ...args], { cwd: repoRoot, env: { ...process.env, MONGODB_URI: uri }, encoding: 'utf8' })

describe('npm run seed -- app', () => {
  it('registers an app with a generated secret, and updates it idempotently', async () => {
    const uri = withDatabase(inject('mongoServerUri'), `seed_${randomBytes(4).toString('hex')}`)
    const out = cli(uri, 'app', '--id', 'biuro-app', '--name', 'Biuro', '--origin', 'https://biuro.example').trimEnd().split('\n')
    const secret = out.at(-1)!
    expect(secret).toMatch(/^[\w-]{43}$/)
    cli(uri, 'app', '--id', 'biuro-app', '--name', 'Biuro 2', '--origin', 'https://a.example', '--origin', 'https://b.example', '--secret', secret)
    const data = await connectServiceData(uri)
    try {
      const app = await data.apps.findById('biuro-app')
      expect(app).toEqual({ id: 'biuro-app', name: 'Biuro 2', secret, allowedOrigins: ['https://a.example', 'https://b.example'] })
      expect(await data.models.App.countDocuments()).toBe(1)
    } finally {
      await data.close()
    }
  })

  it('refuses a short secret and an origin with a path', () => {
    for (const args of [['--secret', 'short'], ['--origin', 'https://x.example/path']]) {
      let status = 0
      try {
        cli('mongodb://127.0.0.1:1/x', 'app', '--id', 'abc', '--name', 'X', ...args)
      } catch (err) {
        status = (err as { status: number }).status
      }
      expect(status).toBe(2)
    }
  })
})
