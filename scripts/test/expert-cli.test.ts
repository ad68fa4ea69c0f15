import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { inject } from 'vitest'
import { withDatabase } from '@ze/testkit/database'
import { repoRoot } from '@ze/testkit/ferretdb'
import { connectServiceData } from '@ze/service/service-data'

const cli = (uri: string, ...args: string[]) =>
  execFileSync(process.execPath, ['--conditions=@ze/source', '--import', 'tsx', join(repoRoot, 'scripts/src/expert-cli.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, MONGODB_URI: uri },
    encoding: 'utf8'
  })

describe('npm run expert', () => {
  it('create prints a working key alone on its last line and stores only its hash', async () => {
    const uri = withDatabase(inject('mongoServerUri'), `cli_${randomBytes(4).toString('hex')}`)
    const out = cli(uri, 'create', '--name', 'Jan Ekspert', '--email', 'jan@example.com', '--admin').trimEnd().split('\n')
    const key = out.at(-1)!
    expect(key).toMatch(/^zek_[\w-]{43}$/)
    const data = await connectServiceData(uri)
    try {
      const { expert } = await data.experts.authenticate(key)
      expect(expert).toMatchObject({ name: 'Jan Ekspert', admin: true })
      const raw = [...(await data.connection.collection('experts').find().toArray()), ...(await data.connection.collection('expert_keys').find().toArray())]
      expect(raw.length).toBe(2)
      expect(JSON.stringify(raw)).not.toContain(key)
      expect(cli(uri, 'list')).toContain('Jan Ekspert <jan@example.com>')
      expect(cli(uri, 'revoke', expert!.id)).toContain('revoked')
      expect((await data.experts.authenticate(key)).expert).toBeNull()
    } finally {
      await data.close()
    }
  })

  it('refuses a create without an email, and an unknown option, with usage and exit code 2', () => {
    for (const args of [
      ['create', '--name', 'X'],
      ['list', '--colour', 'red']
    ]) {
      let status = 0
      let stderr = ''
      try {
        cli('mongodb://127.0.0.1:1/x', ...args)
      } catch (err) {
        status = (err as { status: number }).status
        stderr = String((err as { stderr: string }).stderr)
      }
      expect(status, args.join(' ')).toBe(2)
      expect(stderr, args.join(' ')).toContain('usage:')
    }
  })
})
