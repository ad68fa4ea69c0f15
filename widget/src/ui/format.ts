import type { Locale } from '../i18n'

export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short', timeStyle: 'short' })
}
