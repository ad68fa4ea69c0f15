/** Median of a non-empty list (mean of the two middle values for even lengths). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Nearest-rank percentile (p in 0..100) of raw samples. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

export const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b)

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits))

/**
 * Runs every variant once per round, rotating the start so that no variant always runs
 * first (warm caches, a quieter machine); results per variant, in round order. Interleaving
 * matters on a shared machine: background load then hits all variants alike.
 */
export async function interleaved<V extends Record<string, unknown>>(
  rounds: number,
  variants: { [K in keyof V]: () => Promise<V[K]> },
  onResult?: (round: number, key: keyof V & string, value: V[keyof V]) => void
): Promise<{ [K in keyof V]: Array<V[K]> }> {
  const keys = Object.keys(variants) as Array<keyof V & string>
  const results = Object.fromEntries(keys.map((k) => [k, []])) as unknown as { [K in keyof V]: Array<V[K]> }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(i + r) % keys.length]!
      const value = await variants[key]()
      results[key].push(value)
      onResult?.(r + 1, key, value)
    }
  }
  return results
}
