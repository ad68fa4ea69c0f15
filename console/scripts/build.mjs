// Builds the console (Vite, config in vite.config.ts) and measures it. The initial load is
// what index.html pulls in (its module script, modulepreloads and stylesheets); every other
// chunk is a lazily loaded view. Usage: node scripts/build.mjs [--out DIR] [--json]
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { gzipSize, kb } from '@ze/testkit/gzip-size'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const BUDGET_INITIAL = 60 * 1024

/** Sizes of a built console: initial (JS + CSS index.html loads) and lazy chunks, gzipped. */
export function measure(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const initialFiles = new Set([...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))
  const files = readdirSync(join(outDir, 'assets')).filter((f) => /\.(js|css)$/.test(f))
  const chunks = files.map((f) => ({ file: `assets/${f}`, gzip: gzipSize(join(outDir, 'assets', f)), initial: initialFiles.has(`assets/${f}`) }))
  const initial = chunks.filter((c) => c.initial).reduce((s, c) => s + c.gzip, 0)
  const lazy = chunks.filter((c) => !c.initial).reduce((s, c) => s + c.gzip, 0)
  return { initial, lazy, initialFiles: [...initialFiles], chunks }
}

export function report(m) {
  return [
    'console, gzipped sizes:',
    ...m.chunks.map((c) => `  ${c.file.padEnd(36)} ${kb(c.gzip)}${c.initial ? '  (initial)' : ''}`),
    `  initial load (JS + CSS)              ${kb(m.initial)}  budget ${kb(BUDGET_INITIAL)}`,
    `  lazy views together                  ${kb(m.lazy)}`
  ].join('\n')
}

export async function buildConsole(outDir = join(root, 'dist')) {
  await build({ configFile: join(root, 'vite.config.ts'), root, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  return measure(outDir)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out')
  const sizes = await buildConsole(i > 0 ? resolve(process.argv[i + 1]) : undefined)
  if (process.argv.includes('--json')) console.log(JSON.stringify(sizes))
  else console.log(report(sizes))
  if (sizes.initial > BUDGET_INITIAL) {
    console.error('size budget exceeded')
    process.exitCode = 1
  }
}
