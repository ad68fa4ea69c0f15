import type { Locale } from '../../i18n'
import type { ExpertT } from '../expertT'

const tag = (locale: Locale): string => (locale === 'en' ? 'en-GB' : 'pl-PL')
const dayStart = (d: Date): number => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
/** Whole calendar days between d and now (0 = today, 1 = yesterday), in the browser's time zone. */
const daysAgo = (d: Date, now: Date): number => Math.round((dayStart(now) - dayStart(d)) / 86_400_000)

/**
 * "dziś 16:01", "wczoraj 09:12", then "28 lis 2026, 14:05". English dates spell the month
 * ("2 Dec 2026"): 12/02 means two different days on either side of the Atlantic.
 */
export function relativeTime(iso: string, now: Date, locale: Locale, t: ExpertT): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const time = d.toLocaleTimeString(tag(locale), { hour: '2-digit', minute: '2-digit' })
  const ago = daysAgo(d, now)
  if (ago === 0) return `${t('today')} ${time}`
  if (ago === 1) return `${t('yesterday')} ${time}`
  return `${d.toLocaleDateString(tag(locale), { day: 'numeric', month: 'short', year: 'numeric' })}, ${time}`
}

/** The separator above the first message of each day: "Dziś", "Wczoraj", "28 listopada 2026". */
export function dayLabel(iso: string, now: Date, locale: Locale, t: ExpertT): string {
  const d = new Date(iso)
  const ago = daysAgo(d, now)
  const word = ago === 0 ? t('today') : ago === 1 ? t('yesterday') : ''
  if (word) return word[0]!.toUpperCase() + word.slice(1)
  return d.toLocaleDateString(tag(locale), { day: 'numeric', month: 'long', year: 'numeric' })
}

/** The key that groups messages into days. */
export const dayKey = (iso: string): number => dayStart(new Date(iso))
