import { describe, expect, it } from 'vitest'
import { repoRoot } from '@ze/testkit/ferretdb'
import { workspaceProblems, type WorkspaceGraph } from '../src/workspace-graph/check.js'
import { readWorkspaceGraph, specifiersOf } from '../src/workspace-graph/read.js'

const ws = (dir: string, declared: string[] = []) => ({ dir, name: `@ze/${dir}`, declared })

describe('workspace graph', () => {
  it('the repository: every workspace reaches another by name, names it, and none depends on itself through others', () => {
    const graph = readWorkspaceGraph(repoRoot)
    expect(graph.workspaces.map((w) => w.name)).toContain('@ze/testkit')
    expect(graph.files.length).toBeGreaterThan(100)
    expect(workspaceProblems(graph)).toEqual([])
  })

  it('fails on a cycle of declared dependencies', () => {
    const graph: WorkspaceGraph = {
      workspaces: [ws('scripts', ['@ze/demo-host']), ws('demo-host', ['@ze/testkit']), ws('testkit', ['@ze/scripts'])],
      files: []
    }
    expect(workspaceProblems(graph)).toEqual(['workspace cycle: @ze/demo-host → @ze/testkit → @ze/scripts → @ze/demo-host'])
  })

  it('fails on a relative import into another workspace, and counts it as an edge of the graph', () => {
    const graph: WorkspaceGraph = {
      workspaces: [ws('scripts', ['@ze/demo-host']), ws('demo-host')],
      files: [{ path: 'demo-host/e2e/stack.ts', specifiers: ['./helpers.js', '../../scripts/src/seed/index.js'] }]
    }
    expect(workspaceProblems(graph)).toEqual([
      'demo-host/e2e/stack.ts: the relative path "../../scripts/src/seed/index.js" reaches into scripts/ (import @ze/scripts by name)',
      'workspace cycle: @ze/demo-host → @ze/scripts → @ze/demo-host'
    ])
  })

  it('fails on a package import the importing workspace does not name', () => {
    const graph: WorkspaceGraph = {
      workspaces: [ws('service'), ws('testkit')],
      files: [{ path: 'service/test/app.ts', specifiers: ['@ze/testkit/database', 'fastify', '@ze/service/config'] }]
    }
    expect(workspaceProblems(graph)).toEqual(['service/test/app.ts: imports @ze/testkit, which service/package.json does not name'])
  })

  it('reads imports of every form, tsconfig paths and the relative strings of test configs', () => {
    const code = `import a from '../x/a.js'\nimport {\n  b,\n  type C\n} from "@ze/contract"\nexport * from './c.js'\nimport './d.css'\nconst e = await import('../e.js')\nconst f = require('f')`
    expect(specifiersOf('service/src/a.ts', code).sort()).toEqual(['../e.js', '../x/a.js', './c.js', './d.css', '@ze/contract', 'f'])
    expect(
      specifiersOf('service/tsconfig.json', '{\n  // a comment\n  "extends": "../tsconfig.base.json", "include": ["src", "../scripts/src/db/setup.ts"]\n}')
    ).toEqual(['../tsconfig.base.json', './src', '../scripts/src/db/setup.ts'])
    expect(specifiersOf('service/vitest.config.ts', `globalSetup: ['../scripts/src/db/setup.ts']`)).toEqual(['../scripts/src/db/setup.ts'])
  })
})
