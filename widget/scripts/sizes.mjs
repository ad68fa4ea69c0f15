// Size budgets (docs/requirements.md Q-size): measured on the gzipped files exactly as served.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSize as gz, kb } from '@ze/testkit/gzip-size'

export const BUDGET_INITIAL = 15 * 1024
export const BUDGET_LAZY = 40 * 1024

/** Initial = loader + core module (CSS lives inside the core as strings); lazy = every other chunk. */
export function measure(distDir, coreFile) {
  const loader = gz(join(distDir, 'widget.js'))
  const files = readdirSync(join(distDir, 'widget-assets')).filter((f) => f.endsWith('.js'))
  const chunks = files.map((f) => ({ file: f, gzip: gz(join(distDir, 'widget-assets', f)) }))
  const core = chunks.find((c) => c.file === coreFile)?.gzip ?? 0
  const lazy = chunks.filter((c) => c.file !== coreFile).reduce((s, c) => s + c.gzip, 0)
  return { loader, core, initial: loader + core, lazy, chunks }
}

/** A chunk's name without its content hash, so a baseline survives rebuilds. */
const stem = (file) => file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '')

/** The committed sizes a change is compared with in review (`--update-baseline` rewrites it). */
export function readBaseline(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

export function writeBaseline(file, m) {
  const chunks = Object.fromEntries(m.chunks.map((c) => [stem(c.file), c.gzip]).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(file, JSON.stringify({ loader: m.loader, initial: m.initial, lazy: m.lazy, chunks }, null, 2) + '\n')
}

function delta(now, before) {
  if (before === undefined) return '  (new)'
  const d = now - before
  return d === 0 ? '  ±0' : `  ${d > 0 ? '+' : '−'}${Math.abs(d)} B`
}

export function report(m, baseline = null) {
  const vs = (now, before) => (baseline ? delta(now, before) : '')
  const gone = baseline ? Object.keys(baseline.chunks ?? {}).filter((name) => !m.chunks.some((c) => stem(c.file) === name)) : []
  const lines = [
    baseline ? 'gzipped sizes (change against widget/size-baseline.json):' : 'gzipped sizes:',
    `  widget.js (loader)          ${kb(m.loader)}${vs(m.loader, baseline?.loader)}`,
    ...m.chunks.map((c) => `  widget-assets/${c.file.padEnd(22)} ${kb(c.gzip)}${vs(c.gzip, baseline?.chunks?.[stem(c.file)])}`),
    ...gone.map((name) => `  widget-assets/${name} (removed, was ${kb(baseline.chunks[name])})`),
    `  initial (loader + core)     ${kb(m.initial)}  budget ${kb(BUDGET_INITIAL)}${vs(m.initial, baseline?.initial)}`,
    `  lazy chunks together        ${kb(m.lazy)}  budget ${kb(BUDGET_LAZY)}${vs(m.lazy, baseline?.lazy)}`
  ]
  return lines.join('\n')
}

export const withinBudget = (m) => m.initial <= BUDGET_INITIAL && m.lazy <= BUDGET_LAZY
