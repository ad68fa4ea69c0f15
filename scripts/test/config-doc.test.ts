import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '@ze/testkit/ferretdb'
import { CONFIG_END, CONFIG_START, configVariables, deployDocPath, renderConfigTable } from '../src/config-doc/render.js'

describe('docs/deploy.md configuration table (issue 17 item 5)', () => {
  it('is what `npm run docs:config` generates from service/src/config.ts (regenerate it when this fails)', () => {
    const doc = readFileSync(deployDocPath(repoRoot), 'utf8')
    const committed = doc.slice(doc.indexOf(CONFIG_START) + CONFIG_START.length, doc.indexOf(CONFIG_END)).trim()
    expect(committed === renderConfigTable(repoRoot).trim(), 'docs/deploy.md is stale: run `npm run docs:config`').toBe(true)
  })

  it('gives every configuration key its environment variable, a meaning and a default', () => {
    const rows = configVariables(repoRoot)
    expect(rows.length).toBeGreaterThan(60)
    expect(
      rows.filter((r) => !/^[A-Z][A-Z0-9_]+$/.test(r.env)).map((r) => r.key),
      'keys without an environment variable'
    ).toEqual([])
    expect(
      rows.filter((r) => r.meaning.length < 10).map((r) => r.key),
      'keys without a /** comment */ in ConfigSchema'
    ).toEqual([])
    expect(new Set(rows.map((r) => r.env)).size).toBe(rows.length)
    const byEnv = new Map(rows.map((r) => [r.env, r]))
    expect(byEnv.get('PORT')).toMatchObject({ default: '`3000`', allowed: 'integer ≥ 0, ≤ 65535' })
    expect(byEnv.get('MONGODB_URI')?.default).toBe('(required)')
    expect(byEnv.get('SCAN_FAILURE_MODE')?.allowed).toBe('`reject`, `accept`')
    expect(byEnv.get('PUBLIC_URL')?.alsoReads).toEqual(['HOST', 'PORT'])
    expect(byEnv.get('WIDGET_DIST_DIR')?.default).toBe('`widget/dist`')
  })
})
