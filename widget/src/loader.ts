// The classic script the host embeds as /widget.js. It only finds its own URL and imports
// the ES-module core next to it, so chunks resolve against the widget's origin, never the
// host page, and share one Preact instance. __CORE_FILE__ is filled in by scripts/build.mjs.
declare const __CORE_FILE__: string

interface Stub {
  (...args: unknown[]): void
  q?: unknown[]
}

;(() => {
  const w = window as unknown as { SupportWidget?: Stub }
  // Hosts that skipped the snippet still get a queue, so early calls are not lost.
  if (!w.SupportWidget) {
    const stub: Stub = (...args) => {
      ;(stub.q = stub.q || []).push(args)
    }
    w.SupportWidget = stub
  }
  const script = document.currentScript as HTMLScriptElement | null
  const src = script && script.src ? script.src : location.href
  import(/* @vite-ignore */ new URL('widget-assets/' + __CORE_FILE__, src).href).catch((e: unknown) => {
    try {
      console.warn('[SupportWidget] could not load', e)
    } catch {
      /* no console */
    }
  })
})()
