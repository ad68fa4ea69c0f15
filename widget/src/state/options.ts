import type { GetToken } from '../api/token'
import type { Locale, Strings } from '../i18n'
import type { ContentStrings } from '../i18n/content'
import type { ExpertStrings } from '../i18n/expert'

export interface Theme {
  brandColor?: string
  fontFamily?: string
}

/** Options of SupportWidget('init', …); see widget/README.md. */
export interface InitOptions {
  apiUrl: string
  appId: string
  token?: string
  getToken?: GetToken
  locale?: Locale
  launcher?: 'floating' | 'none'
  /** Where START » WIADOMOŚCI lives in the host (shown to chiefs with an inactive package). */
  messagesLink?: string
  /** Alternative to messagesLink when the host navigates itself. */
  onOpenMessages?: () => void
  /** Any visible string: keys of i18n/pl.ts, i18n/expert.ts (conversation, files, errors) and, for articles and forum, i18n/content.ts. */
  strings?: Partial<Strings & ContentStrings & ExpertStrings>
  theme?: Theme
}

export type ValidOptions = InitOptions & { locale: Locale; launcher: 'floating' | 'none' }

export function validateOptions(o: unknown): ValidOptions {
  if (!o || typeof o !== 'object') throw new Error('init needs an options object')
  const opts = o as InitOptions
  if (typeof opts.apiUrl !== 'string' || !opts.apiUrl) throw new Error('init: apiUrl is required')
  if (typeof opts.appId !== 'string' || !opts.appId) throw new Error('init: appId is required')
  if (typeof opts.token !== 'string' && typeof opts.getToken !== 'function') throw new Error('init: token or getToken is required')
  const locale: Locale = opts.locale === 'en' ? 'en' : 'pl'
  const launcher = opts.launcher === 'none' ? 'none' : 'floating'
  return { ...opts, locale, launcher }
}

// A theme value ends up inside a stylesheet: refuse anything that could close the rule.
const SAFE_CSS_VALUE = /^[^;{}<>\\]*$/

/** The host's theme as custom properties, values checked. */
export function themeVars(theme: Theme | undefined): [string, string][] {
  const vars: [string, string][] = []
  if (theme?.brandColor && SAFE_CSS_VALUE.test(theme.brandColor)) vars.push(['--ze-brand', theme.brandColor])
  if (theme?.fontFamily && SAFE_CSS_VALUE.test(theme.fontFamily)) vars.push(['--ze-font', theme.fontFamily])
  return vars
}

export function themeCss(vars: [string, string][]): string {
  return vars.length ? `:host{${vars.map(([k, v]) => `${k}:${v}!important`).join(';')}}` : ''
}
