import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '@ze/testkit/ferretdb'
import { PURPOSES } from '../src/security-doc/purposes.js'
import { DEPS_END, DEPS_START, readSecurityDoc, renderRuntimeDependencies } from '../src/security-doc/render.js'
import { RUNTIME_WORKSPACES, runtimeDependencies } from '../src/security-doc/runtime-deps.js'

const manifest = (workspace: string) =>
  JSON.parse(readFileSync(join(repoRoot, workspace, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    optionalDependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }

describe('docs/security.md runtime dependencies (issue 16 item 12)', () => {
  it('is what `npm run docs:deps` generates from package-lock.json (regenerate it when this fails)', () => {
    const doc = readSecurityDoc(repoRoot)
    const committed = doc.slice(doc.indexOf(DEPS_START) + DEPS_START.length, doc.indexOf(DEPS_END)).trim()
    expect(committed === renderRuntimeDependencies(repoRoot).trim(), 'docs/security.md is stale: run `npm run docs:deps`').toBe(true)
  })

  it('lists every direct runtime dependency with a purpose and a licence, and nothing only the tools need', () => {
    const rows = runtimeDependencies(repoRoot, PURPOSES)
    const names = new Set(rows.map((r) => r.name))
    const direct = new Set(
      RUNTIME_WORKSPACES.flatMap((w) => Object.keys({ ...manifest(w).dependencies, ...manifest(w).optionalDependencies })).filter((n) => !n.startsWith('@ze/'))
    )
    expect(new Set(rows.filter((r) => r.direct).map((r) => r.name))).toEqual(direct)
    expect(
      Object.keys(PURPOSES).filter((n) => !direct.has(n)),
      'purposes for packages that are no longer direct dependencies'
    ).toEqual([])
    expect(rows.filter((r) => r.licence === 'UNKNOWN').map((r) => r.name)).toEqual([])
    // Transitive packages of the service that a production install must contain.
    for (const name of ['avvio', 'mongodb', 'bson', 'pino', 'find-my-way', 'htmlparser2']) expect(names, name).toContain(name)
    // Test and build tools never reach production.
    for (const name of ['vitest', 'eslint', 'typescript', 'vite', 'happy-dom', 'tsx', 'esbuild', 'prettier']) expect(names, name).not.toContain(name)
  })

  it('refuses a direct dependency nobody explained', () => {
    const { preact: _preact, ...withoutPreact } = PURPOSES
    expect(() => runtimeDependencies(repoRoot, withoutPreact)).toThrow(/preact is a direct runtime dependency with no purpose/)
  })

  it('docs/security.md and SECURITY.md name only tests that exist', () => {
    const text = readSecurityDoc(repoRoot) + readFileSync(join(repoRoot, 'SECURITY.md'), 'utf8')
    const named = [...text.matchAll(/`([\w./-]+\.test\.ts)`/g)].map((m) => m[1]!)
    expect(named.length).toBeGreaterThan(10)
    expect(named.filter((path) => !existsSync(join(repoRoot, path)))).toEqual([])
  })
})
