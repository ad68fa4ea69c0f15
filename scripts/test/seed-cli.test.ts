import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { inject } from 'vitest'
import { withDatabase } from '@ze/testkit/database'
import { repoRoot } from '@ze/testkit/ferretdb'
import { connectServiceData } from '@ze/service/service-data'

const cli = (uri: string, ...args: string[]) =>
  execFileSync(process.execPath, ['--conditions=@ze/source', '--import', 'tsx', join(repoRoot, 'scripts/src/seed-cli.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, MONGODB_URI: uri },
    encoding: 'utf8'
  })

describe('npm run seed -- app', () => {
  it('registers an app with a generated secret, and updates it idempotently', async () => {
    const uri = withDatabase(inject('mongoServerUri'), `seed_${randomBytes(4).toString('hex')}`)
    const out = cli(uri, 'app', '--id', 'biuro-app', '--name', 'Biuro', '--origin', 'https://biuro.example').trimEnd().split('\n')
    const secret = out.at(-1)!
    expect(secret).toMatch(/^[\w-]{43}$/)
    // The documented --secret=VALUE form: a generated secret starts with "-" one time in 64.
    cli(uri, 'app', '--id', 'biuro-app', '--name', 'Biuro 2', '--origin', 'https://a.example', '--origin', 'https://b.example', `--secret=${secret}`)
    const data = await connectServiceData(uri)
    try {
      const app = await data.apps.findById('biuro-app')
      expect(app).toEqual({
        id: 'biuro-app',
        name: 'Biuro 2',
        secret,
        allowedOrigins: ['https://a.example', 'https://b.example'],
        caseUrlTemplate: null,
        webhookUrl: null,
        webhookSecret: null
      })
      expect(await data.models.App.countDocuments()).toBe(1)
    } finally {
      await data.close()
    }
  })

  it('sets the case link template and the webhook endpoint, generating a Standard Webhooks secret', async () => {
    const uri = withDatabase(inject('mongoServerUri'), `seed_${randomBytes(4).toString('hex')}`)
    const args = ['app', '--id', 'hook-app', '--name', 'Hook', '--origin', 'https://hook.example', `--secret=${'s'.repeat(40)}`]
    const out = cli(uri, ...args, '--case-url-template', 'https://hook.example/wiadomosci?case={id}', '--webhook-url', 'https://hook.example/hooks')
      .trimEnd()
      .split('\n')
    const webhookSecret = out.at(-1)!
    expect(webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    // Updating without the options keeps them.
    cli(uri, ...args)
    const data = await connectServiceData(uri)
    try {
      expect(await data.apps.findById('hook-app')).toMatchObject({
        caseUrlTemplate: 'https://hook.example/wiadomosci?case={id}',
        webhookUrl: 'https://hook.example/hooks',
        webhookSecret
      })
    } finally {
      await data.close()
    }
  })

  it('keeps a secret that starts with a dash', async () => {
    const uri = withDatabase(inject('mongoServerUri'), `seed_${randomBytes(4).toString('hex')}`)
    const secret = `-${'x'.repeat(42)}`
    cli(uri, 'app', '--id', 'dash-app', '--name', 'Dash', `--secret=${secret}`)
    const data = await connectServiceData(uri)
    try {
      expect((await data.apps.findById('dash-app'))?.secret).toBe(secret)
    } finally {
      await data.close()
    }
  })

  it('refuses a short secret, an origin with a path and a malformed command line, with exit code 2', () => {
    const dashValue = ['--secret', `-${'x'.repeat(42)}`]
    const badWebhooks = [['--webhook-url', 'ftp://x.example'], ['--webhook-secret=whsec_short'], ['--case-url-template', 'javascript:alert(1)']]
    for (const args of [['--secret', 'short'], ['--origin', 'https://x.example/path'], dashValue, ['--colour', 'red'], ...badWebhooks]) {
      let status = 0
      let stderr = ''
      try {
        cli('mongodb://127.0.0.1:1/x', 'app', '--id', 'abc', '--name', 'X', ...args)
      } catch (err) {
        status = (err as { status: number }).status
        stderr = String((err as { stderr: string }).stderr)
      }
      expect(status, args.join(' ')).toBe(2)
      expect(stderr, args.join(' ')).toContain('usage:')
    }
  })
})
