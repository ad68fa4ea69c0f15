// happy-dom lacks some `on<event>` properties that every browser has; Preact looks for
// them to decide the DOM event name ('dragover' vs 'DragOver'), so add them as browsers do.
for (const name of ['ondragenter', 'ondragover', 'ondragleave', 'ondrop', 'onpaste']) {
  if (!(name in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, name, { value: null, writable: true, configurable: true })
  }
}
