import { cpus, loadavg, totalmem, availableParallelism } from 'node:os'

export interface Machine {
  date: string
  nproc: number
  cpu: string
  ramGiB: number
  node: string
  /** 1-minute load average when the set started: others' work on a shared machine shows here. */
  load1: number
  /** 1-minute load average when the set ended (filled in by the runner). */
  load1End?: number
}

export const load1Now = (): number => Math.round(loadavg()[0]! * 100) / 100

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    load1: load1Now()
  }
}
