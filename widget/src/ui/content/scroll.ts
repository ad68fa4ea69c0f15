/** The panel body keeps its scroll position across views; a newly opened page starts at the top. */
export function scrollPanelToTop(el: Element | null): void {
  const body = el?.closest('.body')
  if (body) body.scrollTop = 0
}
