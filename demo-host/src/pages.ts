import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export type NavId = 'pulpit' | 'wiadomosci' | 'klienci' | 'faktury'

export interface PageDef {
  path: string
  file: string
  title: string
  nav: NavId
  crumbs: string[]
  /** The hostile-CSS fixture: the same page plus a stylesheet that tries to restyle everything. */
  hostile?: boolean
  /** Served with the strict Content-Security-Policy of docs/embedding.md (no inline script or style, Trusted Types). */
  strictCsp?: boolean
  /** With strictCsp: style-src also names the service, for the widget's CSS files (browsers without constructable stylesheets). */
  serviceStyles?: boolean
}

export const pages: readonly PageDef[] = [
  { path: '/', file: 'pulpit.html', title: 'Pulpit', nav: 'pulpit', crumbs: ['START', 'PULPIT'] },
  { path: '/wiadomosci', file: 'wiadomosci.html', title: 'Wiadomości', nav: 'wiadomosci', crumbs: ['START', 'WIADOMOŚCI'] },
  { path: '/klienci', file: 'klienci.html', title: 'Klienci', nav: 'klienci', crumbs: ['KSIĘGOWOŚĆ', 'KLIENCI'] },
  { path: '/faktury', file: 'faktury.html', title: 'Faktury', nav: 'faktury', crumbs: ['KSIĘGOWOŚĆ', 'FAKTURY'] },
  { path: '/hostile', file: 'pulpit.html', title: 'Pulpit (wrogi CSS)', nav: 'pulpit', crumbs: ['START', 'PULPIT'], hostile: true },
  { path: '/strict-csp', file: 'pulpit.html', title: 'Pulpit (ścisłe CSP)', nav: 'pulpit', crumbs: ['START', 'PULPIT'], strictCsp: true },
  {
    path: '/strict-csp-css',
    file: 'pulpit.html',
    title: 'Pulpit (ścisłe CSP, style z serwisu)',
    nav: 'pulpit',
    crumbs: ['START', 'PULPIT'],
    strictCsp: true,
    serviceStyles: true
  }
]

/** The strict host policy of docs/embedding.md, exactly: what a bank-grade host page allows. */
export const strictCsp = (serviceUrl: string, serviceStyles = false): string =>
  `default-src 'self'; script-src 'self' ${serviceUrl}; style-src 'self'${serviceStyles ? ` ${serviceUrl}` : ''}; connect-src 'self' ${serviceUrl}; ` +
  `img-src 'self' ${serviceUrl} data: blob:; require-trusted-types-for 'script'`

// The embed snippet's stub; under a strict CSP the same line comes from a file.
const INLINE_STUB =
  '<script>window.SupportWidget=window.SupportWidget||function(){(window.SupportWidget.q=window.SupportWidget.q||[]).push(arguments)};</script>'

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** JSON inside <script type="application/json">: only `<` can end the element early. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c')

export interface PageContext {
  serviceUrl: string
  appId: string
  personas: readonly { id: string; label: string }[]
}

/**
 * Renders every page once at start-up: the layout is shared, each page adds its main content.
 * The page gets the same object as GET /demo/config inline, so it needs no extra round trip.
 */
export function renderPages(viewsDir: string, ctx: PageContext): Map<string, string> {
  const layout = readFileSync(join(viewsDir, 'layout.html'), 'utf8')
  const rendered = new Map<string, string>()
  for (const page of pages) {
    const content = readFileSync(join(viewsDir, 'pages', page.file), 'utf8')
    const values: Record<string, string> = {
      title: escapeHtml(page.title),
      serviceUrl: escapeHtml(ctx.serviceUrl),
      crumbs: page.crumbs.map(escapeHtml).join(' <span aria-hidden="true">»</span> '),
      extraHead: page.hostile ? '<link rel="stylesheet" href="/assets/hostile.css">' : '',
      stub: page.strictCsp ? '<script src="/assets/stub.js"></script>' : INLINE_STUB,
      config: scriptJson({ ...ctx, page: page.nav }),
      personaOptions: ctx.personas.map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.label)}</option>`).join(''),
      content
    }
    const html = layout
      .replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole)
      .replace(`data-nav="${page.nav}"`, `data-nav="${page.nav}" aria-current="page"`)
    rendered.set(page.path, html)
  }
  return rendered
}
