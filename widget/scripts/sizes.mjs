// Size budgets (PRODUCT.md §6): measured on the gzipped files exactly as served.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const BUDGET_INITIAL = 15 * 1024
export const BUDGET_LAZY = 40 * 1024

const gz = file => gzipSync(readFileSync(file), { level: 9 }).length

/** Initial = loader + core module (CSS lives inside the core as strings); lazy = every other chunk. */
export function measure(distDir, coreFile) {
  const loader = gz(join(distDir, 'widget.js'))
  const files = readdirSync(join(distDir, 'widget-assets')).filter(f => f.endsWith('.js'))
  const chunks = files.map(f => ({ file: f, gzip: gz(join(distDir, 'widget-assets', f)) }))
  const core = chunks.find(c => c.file === coreFile)?.gzip ?? 0
  const lazy = chunks.filter(c => c.file !== coreFile).reduce((s, c) => s + c.gzip, 0)
  return { loader, core, initial: loader + core, lazy, chunks }
}

export function report(m) {
  const kb = n => (n / 1024).toFixed(2) + ' KB'
  const lines = [
    'gzipped sizes:',
    `  widget.js (loader)          ${kb(m.loader)}`,
    ...m.chunks.map(c => `  widget-assets/${c.file.padEnd(22)} ${kb(c.gzip)}`),
    `  initial (loader + core)     ${kb(m.initial)}  budget ${kb(BUDGET_INITIAL)}`,
    `  lazy chunks together        ${kb(m.lazy)}  budget ${kb(BUDGET_LAZY)}`
  ]
  return lines.join('\n')
}

export const withinBudget = m => m.initial <= BUDGET_INITIAL && m.lazy <= BUDGET_LAZY
