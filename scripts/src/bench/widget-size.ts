import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '@ze/testkit/ferretdb'
import { gzipSize } from '@ze/testkit/gzip-size'
import { fmt, type Figure, type SetResult } from './lib/results.js'
import { ratio } from './lib/stats.js'
import { machine } from './lib/machine.js'

const BUDGET_INITIAL = 15 * 1024
const BUDGET_LAZY = 40 * 1024

// Gzip level 9, the one measure the widget's and the console's size budgets use.
const gz = gzipSize

const HELLO = `import { render } from 'preact'
import { useState } from 'preact/hooks'
function App() {
  const [n, setN] = useState(0)
  return <button onClick={() => setN(n + 1)}>Hello, Preact {n}</button>
}
render(<App />, document.body)
`

/**
 * The reference: a bare Preact hello-world bundled by Vite in this run, in a temporary folder
 * under node_modules/.cache so that `preact` resolves from the workspace's own install.
 */
async function helloWorldGzip(): Promise<number> {
  const { build } = await import('vite')
  const cache = join(repoRoot, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(join(cache, 'ze-bench-hello-'))
  try {
    writeFileSync(join(dir, 'main.jsx'), HELLO)
    await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      build: { outDir: join(dir, 'dist'), minify: true, modulePreload: false, target: 'es2022', rollupOptions: { input: join(dir, 'main.jsx') } }
    })
    const assets = join(dir, 'dist', 'assets')
    return readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + gz(join(assets, f)), 0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function widgetSizeBench(): Promise<SetResult> {
  const started = Date.now()
  const at = machine()
  const dist = join(repoRoot, 'widget', 'dist')
  const manifestFile = join(dist, 'manifest.json')
  if (!existsSync(manifestFile)) throw new Error('widget/dist is missing: run `npm run build` first (npm run bench does)')
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { loader: string; core: string }
  const coreName = manifest.core.split('/').pop()!
  const assetsDir = join(dist, 'widget-assets')
  const files = readdirSync(assetsDir).filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  const chunks = files.map((f) => ({ file: f, gzip: gz(join(assetsDir, f)) }))
  const loader = gz(join(dist, manifest.loader))
  // Styles live inside the core as strings; a separate CSS file would also load at start.
  const initialParts = chunks.filter((c) => c.file === coreName || c.file.endsWith('.css'))
  const initial = loader + initialParts.reduce((s, c) => s + c.gzip, 0)
  const lazy = chunks.filter((c) => !initialParts.includes(c)).reduce((s, c) => s + c.gzip, 0)
  const hello = await helloWorldGzip()

  const figures: Figure[] = [
    { name: 'bare Preact hello-world (Vite, same run)', value: fmt.kb(hello) },
    { name: 'initial script: loader + core (JS and CSS)', value: fmt.kb(initial), target: `≤ ${fmt.kb(BUDGET_INITIAL)}`, met: initial <= BUDGET_INITIAL },
    { name: 'all lazily loaded chunks together', value: fmt.kb(lazy), target: `≤ ${fmt.kb(BUDGET_LAZY)}`, met: lazy <= BUDGET_LAZY },
    { name: 'initial ÷ hello-world', value: fmt.x(ratio(initial, hello)) },
    { name: 'lazy ÷ hello-world', value: fmt.x(ratio(lazy, hello)) },
    { name: 'everything ÷ hello-world', value: fmt.x(ratio(initial + lazy, hello)) }
  ]
  const rounds = [
    `widget.js (loader): ${fmt.kb(loader)}`,
    ...chunks.map((c) => `widget-assets/${c.file}: ${fmt.kb(c.gzip)}${initialParts.includes(c) ? ' (initial)' : ''}`)
  ]
  return {
    set: 'widget',
    title: '1. Widget size (gzip -9)',
    machine: at,
    durationSeconds: (Date.now() - started) / 1000,
    figures,
    rounds,
    notes: [
      'Sizes are deterministic for a given build, so one measurement is the figure; the hello-world is rebuilt in every run so that a Vite or Preact upgrade moves both sides.'
    ]
  }
}
