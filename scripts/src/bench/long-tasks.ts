// npm run bench:long-tasks -- <file.cpuprofile> [min-ms]
// Lists the stretches in which a V8 CPU profile (BENCH_SERVICE_NODE_ARGS, lib/stack.ts) shows the
// main thread busy without a break for at least min-ms (default 20), with the functions that
// took most of each stretch: what held the event loop, and for how long.
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const [file, minArg] = process.argv.slice(2)
if (!file) throw new Error('usage: long-tasks <file.cpuprofile> [min-ms]')
const minMs = Number(minArg ?? 20)
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const idle = new Set(profile.nodes.filter((n) => ['(idle)', '(program)'].includes(n.callFrame.functionName)).map((n) => n.id))

const label = (id: number) => {
  const f = byId.get(id)!.callFrame
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|src|dist)\//, '$1/')}:${f.lineNumber + 1}` : ''
  return `${f.functionName || '(anonymous)'} ${where}`.trim()
}
/** The innermost frame of the sample that is our code (service dist/src), else the leaf. */
const ownFrame = (id: number) => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const url = byId.get(at)!.callFrame.url
    if (/\/service\/(dist|src)\//.test(url)) return at
  }
  return id
}

let t = 0
let start = -1
let busy: number[] = []
const stretches: Array<{ at: number; ms: number; samples: number[] }> = []
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i]! / 1000
  const id = profile.samples[i]!
  if (idle.has(id)) {
    if (start >= 0 && t - start >= minMs) stretches.push({ at: start, ms: t - start, samples: busy })
    start = -1
    busy = []
  } else {
    if (start < 0) start = t
    busy.push(id)
  }
}
stretches.sort((a, b) => b.ms - a.ms)
console.log(`${stretches.length} busy stretches ≥ ${minMs} ms in ${(t / 1000).toFixed(1)} s`)
for (const s of stretches.slice(0, 15)) {
  const count = (key: (id: number) => number) => {
    const m = new Map<string, number>()
    for (const id of s.samples) m.set(label(key(id)), (m.get(label(key(id))) ?? 0) + 1)
    return [...m].sort((a, b) => b[1] - a[1]).slice(0, 6)
  }
  console.log(`\n${s.ms.toFixed(1)} ms at ${(s.at / 1000).toFixed(2)} s (${s.samples.length} samples)`)
  for (const [name, n] of count((id) => id)) console.log(`  leaf ${Math.round((100 * n) / s.samples.length)}% ${name}`)
  for (const [name, n] of count(ownFrame)) console.log(`  ours ${Math.round((100 * n) / s.samples.length)}% ${name}`)
}
