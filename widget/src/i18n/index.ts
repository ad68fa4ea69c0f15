import { pl, type StringKey, type Strings } from './pl'

export type { StringKey, Strings }
export type Locale = 'pl' | 'en'
export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string

/** Polish ships in the core; English is a small chunk loaded by init (see widget.ts). */
export const loadStrings = (locale: Locale): Promise<Strings> => (locale === 'en' ? import('./en').then((m) => m.en) : Promise.resolve(pl))

/** Also used by lazy chunks for their own string tables (`fallback`: their Polish table). */
export function makeTranslator<K extends string = StringKey>(
  base: Record<K, string>,
  overrides?: Partial<Record<string, string>>,
  fallback: Record<K, string> = pl as Record<string, string>
): (key: K, vars?: Record<string, string | number>) => string {
  const table = { ...base, ...overrides } as Record<K, string>
  return (key, vars) => {
    const s = table[key] ?? fallback[key]
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s
  }
}

export function formatBytes(n: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let i = 0
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024
    i++
  }
  return `${n.toLocaleString(locale, { maximumFractionDigits: i ? 1 : 0 })} ${units[i]}`
}
