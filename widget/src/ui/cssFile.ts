// The build's { sheet name: content-hashed CSS file } (scripts/build.mjs); undeclared in tests.
declare const __ZE_CSS__: Record<string, string> | undefined

export type SheetName = 'core' | 'expert' | 'content' | 'capture'

/** Shadow roots that take constructed sheets, which a host's `style-src 'self'` allows. */
export const canAdoptSheets = (): boolean =>
  !!document.adoptedStyleSheets &&
  typeof ShadowRoot === 'function' &&
  'adoptedStyleSheets' in ShadowRoot.prototype &&
  typeof CSSStyleSheet === 'function' &&
  'replaceSync' in CSSStyleSheet.prototype

/**
 * Where constructed sheets are missing (Safari < 16.4, Firefox < 101) the same CSS comes as a
 * file served next to the chunks: a `<link>` passes a `style-src` that names the service,
 * an inline `<style>` needs 'unsafe-inline' (docs/embedding.md).
 */
export function cssFileUrl(name: SheetName): string | undefined {
  const file = typeof __ZE_CSS__ === 'object' ? __ZE_CSS__[name] : undefined
  const base = import.meta.url
  return file && new URL(file, base).href
}
