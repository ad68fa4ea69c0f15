import { posix } from 'node:path'

/**
 * The workspace rules (docs/adr/0007-one-way-workspaces.md): a workspace reaches another only
 * by package name, names it in its package.json, and the workspaces form no cycle. Pure, so a
 * test can hand it a bad graph; `read.ts` builds the real one from disk.
 */
export interface Workspace {
  /** Folder relative to the repository root, e.g. `service`. */
  dir: string
  /** Package name, e.g. `@ze/service`. */
  name: string
  /** Workspace packages named in dependencies, devDependencies or peerDependencies. */
  declared: string[]
}

export interface SourceFile {
  /** Path relative to the repository root, with `/`. */
  path: string
  /** Import specifiers (static, dynamic, re-exports) and, for tsconfig files, include/files paths. */
  specifiers: string[]
}

export interface WorkspaceGraph {
  workspaces: Workspace[]
  files: SourceFile[]
}

const workspaceOf = (workspaces: Workspace[], path: string): Workspace | undefined => workspaces.find((w) => path === w.dir || path.startsWith(`${w.dir}/`))

/** `@ze/service/config` → `@ze/service`. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

/** Every rule broken, one sentence each; empty when the graph is sound. */
export function workspaceProblems(graph: WorkspaceGraph): string[] {
  const problems: string[] = []
  const byName = new Map(graph.workspaces.map((w) => [w.name, w]))
  const edges = new Map(graph.workspaces.map((w) => [w.name, new Set(w.declared.filter((d) => byName.has(d)))]))

  for (const file of graph.files) {
    const own = workspaceOf(graph.workspaces, file.path)
    if (!own) continue
    for (const specifier of file.specifiers) {
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), specifier))
        const other = workspaceOf(graph.workspaces, target)
        if (other && other !== own) {
          problems.push(`${file.path}: the relative path "${specifier}" reaches into ${other.dir}/ (import ${other.name} by name)`)
          edges.get(own.name)!.add(other.name)
        }
        continue
      }
      const name = packageOf(specifier)
      if (!byName.has(name) || name === own.name) continue
      if (!own.declared.includes(name)) problems.push(`${file.path}: imports ${name}, which ${own.dir}/package.json does not name`)
      edges.get(own.name)!.add(name)
    }
  }

  for (const cycle of cycles(edges)) problems.push(`workspace cycle: ${cycle.join(' → ')}`)
  return problems
}

/** Each cycle once, as the path that closes it (depth-first search, grey/black marking). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    path.push(node)
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(node, 'done')
  }
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node)
  return found
}
