import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { SourceFile, Workspace, WorkspaceGraph } from './check.js'

const SKIP = new Set(['node_modules', 'dist', 'screenshots', '.data'])
const CODE = /\.(?:[cm]?ts|tsx|[cm]?js)$/
const CONFIG = /(?:^|\/)(?:vite|vitest)(?:\.[\w-]+)?\.config\.[cm]?[jt]s$/

// Static imports and re-exports, side-effect imports, dynamic imports and require calls.
const IMPORTS = [
  /\bfrom\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g
]
// In build and test configs every relative string is a path (globalSetup, setupFiles, aliases).
const RELATIVE_STRINGS = /['"](\.{1,2}\/[^'"\n]*)['"]/g

const matches = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1]!)

/** What one file reaches: import specifiers, or a tsconfig's extends/include/files paths. */
export function specifiersOf(path: string, text: string): string[] {
  if (/(?:^|\/)tsconfig[\w.-]*\.json$/.test(path)) {
    const config = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as { extends?: string; include?: string[]; files?: string[] }
    return [config.extends, ...(config.include ?? []), ...(config.files ?? [])].filter((p): p is string => !!p).map((p) => (p.startsWith('.') ? p : `./${p}`))
  }
  const found = IMPORTS.flatMap((pattern) => matches(text, pattern))
  if (CONFIG.test(path)) found.push(...matches(text, RELATIVE_STRINGS))
  return [...new Set(found)]
}

function walk(root: string, dir: string, out: SourceFile[]): void {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue
    const path = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) walk(root, path, out)
    else if (CODE.test(entry.name) || /^tsconfig[\w.-]*\.json$/.test(entry.name))
      out.push({ path, specifiers: specifiersOf(path, readFileSync(join(root, path), 'utf8')) })
  }
}

/** The repository's workspaces (root package.json) and every code and tsconfig file in them. */
export function readWorkspaceGraph(root: string): WorkspaceGraph {
  const dirs = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces
  const manifests = dirs.map((dir) => ({
    dir: relative(root, join(root, dir)).split(sep).join('/'),
    pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Record<string, unknown>
  }))
  const names = new Set(manifests.map((m) => m.pkg.name as string))
  const workspaces: Workspace[] = manifests.map(({ dir, pkg }) => ({
    dir,
    name: pkg.name as string,
    declared: ['dependencies', 'devDependencies', 'peerDependencies']
      .flatMap((field) => Object.keys((pkg[field] as Record<string, string> | undefined) ?? {}))
      .filter((dep) => names.has(dep))
  }))
  const files: SourceFile[] = []
  for (const { dir } of workspaces) walk(root, dir, files)
  return { workspaces, files }
}
