import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '@ze/testkit/ferretdb'
import type { Machine } from './machine.js'

export interface Figure {
  name: string
  value: string
  /** The §6 target, when the figure has one. */
  target?: string
  met?: boolean
}

export interface SetResult {
  set: string
  title: string
  machine: Machine
  durationSeconds: number
  figures: Figure[]
  /** Raw per-round numbers, so a reader can see the spread behind a median. */
  rounds: string[]
  notes: string[]
}

// The latest result of each set, kept in the git-ignored .data folder so that
// `npm run bench -- --only api` refreshes one section of docs/benchmarks.md.
const store = join(repoRoot, '.data', 'bench', 'results.json')

export function loadResults(): Record<string, SetResult> {
  if (!existsSync(store)) return {}
  try {
    return JSON.parse(readFileSync(store, 'utf8')) as Record<string, SetResult>
  } catch {
    return {}
  }
}

export function saveResult(result: SetResult): Record<string, SetResult> {
  const all = { ...loadResults(), [result.set]: result }
  mkdirSync(join(repoRoot, '.data', 'bench'), { recursive: true })
  writeFileSync(store, JSON.stringify(all, null, 2))
  return all
}

export const fmt = {
  kb: (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`,
  mb: (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`,
  ms: (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`,
  rps: (n: number) => `${Math.round(n)} req/s`,
  x: (n: number) => `${n.toFixed(2)}×`
}
