/** mulberry32: small, fast and reproducible; the seed is printed so a failing run can be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  return { next, int, pick, chance: (p: number) => next() < p }
}

export type Prng = ReturnType<typeof prng>

/** HARDENING_SEED replays a run; otherwise a fresh seed each run widens what CI explores over time. */
export function seedFromEnv(): number {
  const fromEnv = Number(process.env.HARDENING_SEED)
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1
}
