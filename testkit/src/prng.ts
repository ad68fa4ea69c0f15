/** mulberry32: small, fast and reproducible (property tests print their seed so a failing run can be replayed; benchmarks generate their data with it). */
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

/** A fixed seed by default, so CI is deterministic; HARDENING_SEED=<n> replays a run, HARDENING_SEED=random explores. */
export function seedFromEnv(fallback = 20_261_128): number {
  const raw = process.env.HARDENING_SEED
  if (raw === 'random') return Math.floor(Math.random() * 2 ** 31) + 1
  const fromEnv = Number(raw)
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback
}
