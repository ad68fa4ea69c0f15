import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

// Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux everywhere in practice).
const TICKS_PER_SECOND = 100

interface ProcStat {
  ppid: number
  /** utime + stime + cutime + cstime: the process's CPU time and that of its reaped children. */
  ticks: number
}

function stat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    const n = (i: number) => Number(fields[i - 3])
    return { ppid: n(4), ticks: n(14) + n(15) + n(16) + n(17) }
  } catch {
    return null
  }
}

/**
 * CPU milliseconds used so far by these processes and all their descendants (PostgreSQL's
 * backends are children of the postmaster; ended ones count through the parent's cutime).
 */
export function cpuMsOfTrees(roots: number[]): number {
  const all = new Map<number, ProcStat>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const s = stat(Number(entry))
    if (s) all.set(Number(entry), s)
  }
  const inTree = new Set(roots.filter((pid) => all.has(pid)))
  for (let grew = true; grew;) {
    grew = false
    for (const [pid, s] of all)
      if (!inTree.has(pid) && inTree.has(s.ppid)) {
        inTree.add(pid)
        grew = true
      }
  }
  let ticks = 0
  for (const pid of inTree) ticks += all.get(pid)!.ticks
  return (ticks * 1000) / TICKS_PER_SECOND
}

/** The postmaster's pid of a PostgreSQL data directory, if one runs there. */
export function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postmaster.pid')
  if (!existsSync(file)) return null
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0])
  return Number.isFinite(pid) ? pid : null
}
