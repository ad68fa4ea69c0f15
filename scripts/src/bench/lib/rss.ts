import { readFileSync } from 'node:fs'

/** VmRSS and VmHWM of a process in bytes, from /proc (Linux). */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
}

/** Samples VmRSS every `everyMs` until stopped; answers the baseline (first sample) and the peak. */
export function sampleRss(pid: number, everyMs = 20) {
  const first = memoryOf(pid)
  let peak = first.rss
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, memoryOf(pid).rss)
    } catch {
      // the process ended; the caller notices from its own request
    }
  }, everyMs)
  return {
    baseline: first,
    stop() {
      clearInterval(timer)
      const last = memoryOf(pid)
      return { baselineRss: first.rss, peakRss: Math.max(peak, last.rss), hwmBefore: first.hwm, hwmAfter: last.hwm }
    }
  }
}
