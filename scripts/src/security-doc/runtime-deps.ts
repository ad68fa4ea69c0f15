import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The workspaces whose code runs in production: the service, and what browsers load. */
export const RUNTIME_WORKSPACES = ['contract', 'service', 'widget', 'console'] as const

interface LockEntry {
  name?: string
  version?: string
  license?: string
  link?: boolean
  resolved?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}
interface Lock {
  lockfileVersion: number
  packages: Record<string, LockEntry>
}

export interface RuntimeDependency {
  name: string
  version: string
  licence: string
  /** Our workspaces that need it at run time. */
  workspaces: string[]
  /** For a direct dependency, why we use it; otherwise which direct dependencies pull it in. */
  purpose: string
  direct: boolean
}

const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)

/** Node's lookup: `<from>/node_modules/<name>`, then each parent folder's, then the root's. */
function resolve(lock: Lock, from: string, name: string): string | null {
  let dir = from
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`
    if (lock.packages[candidate]) return candidate
    if (!dir) return null
    const cut = dir.lastIndexOf('/node_modules/')
    dir = cut >= 0 ? dir.slice(0, cut) : ''
  }
}

/**
 * Every package a production install of the runtime workspaces contains, read from
 * package-lock.json (npm's lockfile v2/v3 `packages` map) by walking `dependencies`,
 * `optionalDependencies` and required `peerDependencies` from each workspace. Dev
 * dependencies are never entered. Licences come from the lock file (npm records them), else
 * from the installed package.json. `purposes` must name every direct dependency: adding one
 * without saying why fails here.
 */
export function runtimeDependencies(root: string, purposes: Record<string, string>): RuntimeDependency[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock
  if (lock.lockfileVersion < 2) throw new Error('package-lock.json must be lockfile v2 or later (npm 7+)')
  const found = new Map<string, { workspaces: Set<string>; via: Set<string>; direct: boolean }>()
  const workspacePaths = new Set<string>(RUNTIME_WORKSPACES)

  const visit = (path: string, workspace: string, via: string | null, seen: Set<string>) => {
    // Once per package and direct dependency, so "dependency of" names every one that pulls it in.
    const key = `${path}|${via ?? ''}`
    if (seen.has(key)) return
    seen.add(key)
    const entry = lock.packages[path]!
    const record = found.get(path) ?? { workspaces: new Set(), via: new Set(), direct: false }
    found.set(path, record)
    record.workspaces.add(workspace)
    if (via) record.via.add(via)
    else record.direct = true
    walk(path, entry, workspace, via ?? nameOf(path), seen)
  }

  const walk = (path: string, entry: LockEntry, workspace: string, via: string | null, seen: Set<string>) => {
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((n) => !entry.peerDependenciesMeta?.[n]?.optional)
    const wanted = [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers]
    for (const name of wanted) {
      let target = resolve(lock, path, name)
      if (!target) {
        if (name in (entry.optionalDependencies ?? {})) continue // not installed on this platform
        throw new Error(`${path || '(root)'} needs ${name}, which package-lock.json does not contain`)
      }
      const linked = lock.packages[target]!
      if (linked.link && linked.resolved) {
        // One of our own workspaces (e.g. @ze/contract): not listed, its dependencies are.
        target = linked.resolved
        if (!workspacePaths.has(target)) throw new Error(`${path} uses the workspace ${target}, which is not a runtime workspace`)
        walk(target, lock.packages[target]!, workspace, via, seen)
        continue
      }
      visit(target, workspace, via, seen)
    }
  }

  for (const workspace of RUNTIME_WORKSPACES) {
    const entry = lock.packages[workspace]
    if (!entry) continue // a workspace this checkout does not have yet
    walk(workspace, entry, workspace, null, new Set())
  }

  const rows: RuntimeDependency[] = []
  for (const [path, record] of found) {
    const entry = lock.packages[path]!
    const name = entry.name ?? nameOf(path)
    let licence = entry.license
    const installed = join(root, path, 'package.json')
    if (!licence && existsSync(installed)) licence = (JSON.parse(readFileSync(installed, 'utf8')) as { license?: string }).license
    const purpose = record.direct ? purposes[name] : `dependency of ${[...record.via].sort().join(', ')}`
    if (!purpose) throw new Error(`${name} is a direct runtime dependency with no purpose in scripts/src/security-doc/purposes.ts`)
    rows.push({ name, version: entry.version ?? '?', licence: licence ?? 'UNKNOWN', workspaces: [...record.workspaces].sort(), purpose, direct: record.direct })
  }
  // Direct dependencies first, then by name; one row per installed copy (two versions = two rows).
  return rows.sort((a, b) => Number(b.direct) - Number(a.direct) || a.name.localeCompare(b.name) || a.version.localeCompare(b.version, 'en', { numeric: true }))
}
