import { render } from 'preact'
import { themeCss } from '../state/options'
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
  const style = document.createElement('style')
  style.textContent = coreCss + themeCss(ctx.session.options.theme)
  // Preact owns only this container: rendering into the shadow root itself would remove the <style>.
  const container = document.createElement('div')
  shadow.append(style, container)
  parent.appendChild(host)
  render(<Surface ctx={ctx} launcher={launcher} />, container)
  return () => {
    render(null, container)
    host.remove()
  }
}
