import { render } from 'preact'
import { themeCss, themeVars } from '../state/options'
import { canAdoptSheets, cssFileUrl } from './cssFile'
import type { WidgetCtx } from './context'
import { coreCss } from './styles'
import { Surface } from './Surface'

/**
 * One host element, one shadow root, all styles inside it. Returns the function that
 * removes every node this added.
 */
export function attachSurface(parent: Element, ctx: WidgetCtx, launcher: boolean): () => void {
  const host = document.createElement('div')
  host.setAttribute('data-support-widget', ctx.panel.inline ? 'inline' : 'floating')
  const shadow = host.attachShadow({ mode: 'open' })
  const theme = themeVars(ctx.session.options.theme)
  const css = coreCss + themeCss(theme)
  // Preact owns only this container: rendering into the shadow root itself would remove a <style>.
  const container = document.createElement('div')
  const href = cssFileUrl('core')
  // A constructed sheet is allowed by a host's strict CSP (`style-src 'self'`), an inline <style> is not.
  if (canAdoptSheets()) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    shadow.adoptedStyleSheets = [sheet]
  } else if (href) {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = href
    shadow.append(link)
    // Through the CSSOM, which no style-src restricts (a `style` attribute in markup would need 'unsafe-inline').
    for (const [name, value] of theme) host.style.setProperty(name, value, 'important')
  } else {
    const style = document.createElement('style')
    style.textContent = css
    shadow.append(style)
  }
  shadow.append(container)
  parent.appendChild(host)
  render(<Surface ctx={ctx} launcher={launcher} />, container)
  return () => {
    render(null, container)
    host.remove()
  }
}
