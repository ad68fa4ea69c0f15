import { canAdoptSheets, cssFileUrl, type SheetName } from './cssFile'
import { useLayoutEffect, useRef } from 'preact/hooks'

// One constructed sheet per stylesheet text, shared by every shadow root that shows the view.
const sheets = new Map<string, CSSStyleSheet>()
// How many mounted views use each sheet in each root: the last one to go removes it, so the
// styles of views that are not on screen never apply (their class names could overlap).
const users = new WeakMap<ShadowRoot, Map<CSSStyleSheet, number>>()

const canAdopt = (root: Node): root is ShadowRoot => canAdoptSheets() && root instanceof ShadowRoot

/** The sheet for `css`, created once (constructable stylesheets pass a host's `style-src 'self'`). */
export function sheetFor(css: string): CSSStyleSheet {
  let s = sheets.get(css)
  if (!s) {
    s = new CSSStyleSheet()
    s.replaceSync(css)
    sheets.set(css, s)
  }
  return s
}

/**
 * A lazily loaded view's stylesheet. Adopted into the widget's shadow root, so hosts with a
 * strict CSP (no inline <style>) still style it; where the browser has no constructable
 * stylesheets, a <link> to the same CSS built as a file (see ./cssFile.ts, docs/embedding.md).
 */
export function Sheet({ css, name }: { css: string; name: SheetName }) {
  const marker = useRef<HTMLSpanElement>(null)
  const adopted = canAdoptSheets()
  useLayoutEffect(() => {
    const root = marker.current?.getRootNode()
    if (!root || !canAdopt(root)) return
    const sheet = sheetFor(css)
    const count = users.get(root) ?? new Map<CSSStyleSheet, number>()
    users.set(root, count)
    const n = count.get(sheet) ?? 0
    count.set(sheet, n + 1)
    if (n === 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
    return () => {
      const left = (count.get(sheet) ?? 1) - 1
      count.set(sheet, left)
      if (left === 0) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [css])
  if (adopted) return <span ref={marker} hidden />
  const href = cssFileUrl(name)
  return href ? <link rel="stylesheet" href={href} /> : <style>{css}</style>
}
