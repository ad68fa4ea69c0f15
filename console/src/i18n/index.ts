import { createStore, useStore } from '../state/store'
import { en } from './en'
import { pl, type StringKey, type Strings } from './pl'

export type { StringKey, Strings }
export type Locale = 'pl' | 'en'
export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string

const STORAGE_KEY = 'ze-console-locale'
const tables: Record<Locale, Strings> = { pl, en }

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'pl'
  } catch {
    return 'pl'
  }
}

/** Polish by default; the choice is remembered in this browser. */
export const locale = createStore<Locale>(initialLocale())
locale.subscribe((l) => {
  document.documentElement.lang = l
  try {
    localStorage.setItem(STORAGE_KEY, l)
  } catch {
    // private mode: the choice lasts for this page only
  }
})

export function translator(l: Locale): Translate {
  const table = tables[l]
  return (key, vars) => {
    const s = table[key] ?? pl[key]
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s
  }
}

export function useT(): Translate {
  return translator(useStore(locale))
}

const MINUTE = 60_000
/** "czeka 3 godz." — how long a chief has waited, in words. */
export function waitingWords(t: Translate, ms: number): string {
  if (ms < MINUTE) return t('waitingMoment')
  if (ms < 60 * MINUTE) return t('waitingMinutes', { n: Math.floor(ms / MINUTE) })
  if (ms < 24 * 60 * MINUTE) return t('waitingHours', { n: Math.floor(ms / (60 * MINUTE)) })
  const days = Math.floor(ms / (24 * 60 * MINUTE))
  return days === 1 ? t('waitingDay') : t('waitingDays', { n: days })
}

export function formatDateTime(iso: string, l: Locale): string {
  return new Date(iso).toLocaleString(l === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'medium', timeStyle: 'short' })
}
