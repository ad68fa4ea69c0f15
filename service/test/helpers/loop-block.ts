import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'

export interface LoopBlock {
  /** Longest stretch of CPU time the main thread spent between two turns of the event loop (ms); null where the kernel does not say. */
  cpuMs: number | null
  /** Longest wall-clock delay of a timer meanwhile (ms): the block plus any wait for a CPU on a busy machine. */
  wallMs: number
}

// Linux reports each thread's time on a CPU (and, separately, its wait for one) in nanoseconds.
// The main thread's id is the process id; worker threads have their own entries.
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`
export const onCpuNs = (): number | null => {
  try {
    return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0])
  } catch {
    return null
  }
}

const PROBE_EVERY_MS = 2

/**
 * How long `work` held the event loop. A timer's delay alone (wallMs) grows with the load of a
 * shared machine: at load 15 on two cores a thread waits for a CPU for tens of milliseconds while
 * running nothing. The time the main thread spent ON a CPU between two probe turns (cpuMs) is
 * what the process itself did without yielding — a real block shows there on any machine, a busy
 * neighbour does not.
 */
export async function measureLoopBlock(work: () => Promise<unknown>): Promise<LoopBlock> {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  let lastCpu = onCpuNs()
  let longestCpu = 0
  const probe = setInterval(() => {
    const cpu = onCpuNs()
    if (cpu !== null && lastCpu !== null) longestCpu = Math.max(longestCpu, cpu - lastCpu)
    lastCpu = cpu
  }, PROBE_EVERY_MS)
  histogram.enable()
  const started = performance.now()
  try {
    await work()
  } finally {
    histogram.disable()
    clearInterval(probe)
  }
  // The last stretch (after the final probe turn) belongs to the work as well.
  const end = onCpuNs()
  if (end !== null && lastCpu !== null) longestCpu = Math.max(longestCpu, end - lastCpu)
  const wallMs = Math.min(histogram.max / 1e6, performance.now() - started)
  return { cpuMs: lastCpu === null ? null : longestCpu / 1e6, wallMs }
}
