// npm run bench [-- --only widget,api,scale,uploads,host,search,live,console,stats]
// Each set prints its figures and is recorded in docs/benchmarks.md (see lib/report.ts).
import { widgetSizeBench } from './widget-size.js'
import { apiBench } from './api.js'
import { scaleBench } from './scale.js'
import { uploadsBench } from './uploads.js'
import { hostImpactBench } from './host-impact.js'
import { searchBench } from './search.js'
import { liveBench } from './live.js'
import { consoleSizeBench } from './console-size.js'
import { statsBench } from './stats.js'
import { loadResults, saveResult, type SetResult } from './lib/results.js'
import { SET_ORDER, writeReport } from './lib/report.js'
import { load1Now } from './lib/machine.js'

type SetName = (typeof SET_ORDER)[number]

const sets: Partial<Record<SetName, () => Promise<SetResult>>> = {
  widget: widgetSizeBench,
  api: apiBench,
  scale: scaleBench,
  uploads: uploadsBench,
  host: hostImpactBench,
  search: searchBench,
  live: liveBench,
  console: consoleSizeBench,
  stats: statsBench
}

function selected(argv: string[]): SetName[] {
  const i = argv.indexOf('--only')
  if (i < 0) return [...SET_ORDER]
  const names = (argv[i + 1] ?? '').split(',').filter(Boolean)
  const unknown = names.filter((n) => !(SET_ORDER as readonly string[]).includes(n))
  if (unknown.length || names.length === 0) throw new Error(`--only takes a comma-separated list of ${SET_ORDER.join(', ')}`)
  return names as SetName[]
}

function print(r: SetResult): void {
  console.log(`\n== ${r.title} (${Math.round(r.durationSeconds)} s, load ${r.machine.load1} at start, ${r.machine.load1End} at end)`)
  for (const f of r.figures)
    console.log(`  ${f.name.padEnd(58)} ${f.value.padStart(14)}${f.target ? `   target ${f.target}: ${f.met ? 'met' : 'MISSED'}` : ''}`)
  for (const n of r.notes) console.log(`  note: ${n}`)
}

let failed = false
for (const name of selected(process.argv.slice(2))) {
  const run = sets[name]
  if (!run) {
    console.log(`\n== ${name}: not implemented yet`)
    continue
  }
  try {
    const result = await run()
    result.machine.load1End = load1Now()
    print(result)
    writeReport(saveResult(result))
  } catch (err) {
    failed = true
    console.error(`\n== ${name} failed:`, err)
  }
}
writeReport(loadResults())
console.log('\nwritten: docs/benchmarks.md')
process.exit(failed ? 1 : 0)
