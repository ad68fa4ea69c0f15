import { chromium, type Browser } from 'playwright-core'
import { startStack } from '@ze/demo-host/e2e/stack'
import { CHROMIUM_ARGS, chromiumPath } from '@ze/testkit/browser'
import type { Figure, SetResult } from './lib/results.js'
import { interleaved, median } from './lib/stats.js'
import { machine } from './lib/machine.js'

// Cheap per round and noisy on a shared machine (a stray long task on either side), so more rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
// The pulpit (floating launcher only) and START » WIADOMOŚCI (the case list mounted inline in the page).
const PAGES = ['/', '/wiadomosci'] as const

// Recorded from the very start of the page (buffered), split at the moment the panel is opened.
const OBSERVE = `
  window.__perf = { longtasks: [], shifts: [] };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.longtasks.push({ start: e.startTime, duration: e.duration }) }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    const name = (n) => {
      const el = n.nodeType === 1 ? n : n.parentElement;
      const inWidget = el && el.closest && el.closest('[data-support-widget]');
      return (inWidget ? 'widget:' : '') + n.nodeName + (n.id ? '#' + n.id : '') + (typeof n.className === 'string' && n.className ? '.' + n.className.split(' ')[0] : '');
    };
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__perf.shifts.push({ start: e.startTime, value: e.value, sources: (e.sources || []).map((s) => s.node ? name(s.node) : '?') });
  }).observe({ type: 'layout-shift', buffered: true });
`

interface Visit {
  longTasks: number
  /** Of those, the ones that started after SupportWidget('open') was called. */
  atOpen: number
  longTaskMs: number
  cls: number
  shifts: Array<{ value: number; signature: string }>
  shiftSources: string[]
  widgetPresent: boolean
}

async function visit(browser: Browser, url: string, withWidget: boolean): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    // Without the widget: the host page exactly as it is, with widget.js answering an empty script.
    if (!withWidget) await context.route('**/widget.js', (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: '' }))
    await context.addInitScript(OBSERVE)
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1000)
    // Opening the panel is the widget's heaviest moment on the host's main thread (lazy chunk).
    const openAt = await page.evaluate(() => {
      const at = performance.now()
      ;(window as unknown as { SupportWidget: (c: string, v?: string) => void }).SupportWidget('open', 'home')
      return at
    })
    await page.waitForTimeout(1000)
    await page.evaluate(() => (window as unknown as { SupportWidget: (c: string) => void }).SupportWidget('close'))
    await page.waitForTimeout(500)
    const perf = await page.evaluate(
      () =>
        (window as unknown as { __perf: { longtasks: Array<{ start: number; duration: number }>; shifts: Array<{ value: number; sources: string[] }> } }).__perf
    )
    const widgetPresent = await page.evaluate(() => document.querySelector('[data-support-widget]') !== null)
    return {
      longTasks: perf.longtasks.length,
      atOpen: perf.longtasks.filter((t) => t.start >= openAt).length,
      longTaskMs: perf.longtasks.reduce((s, t) => s + t.duration, 0),
      cls: perf.shifts.reduce((s, x) => s + x.value, 0),
      shifts: perf.shifts.map((x) => ({ value: x.value, signature: [...x.sources].sort().join(' ') })),
      shiftSources: perf.shifts.flatMap((x) => x.sources),
      widgetPresent
    }
  } finally {
    await context.close()
  }
}

/** In Chromium: the demo host pages with and without the widget; long tasks and layout shift the widget adds. */
export async function hostImpactBench(): Promise<SetResult> {
  const started = Date.now()
  const at = machine()
  const stack = await startStack({ log: (l) => console.log(`[bench] ${l}`) })
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  try {
    const figures: Figure[] = []
    const rounds: string[] = []
    const sources = new Set<string>()
    for (const path of PAGES) {
      const url = `${stack.demoUrl}${path}?persona=chief-office`
      const results = await interleaved(ROUNDS, { with: () => visit(browser, url, true), without: () => visit(browser, url, false) }, (r, key, v) => {
        const line = `${path} round ${r} ${key} widget: ${v.longTasks} long tasks (${Math.round(v.longTaskMs)} ms; ${v.atOpen} after open), CLS ${v.cls.toFixed(4)}${v.shiftSources.length ? ` (${[...new Set(v.shiftSources)].join(', ')})` : ''}`
        console.log(`[bench] ${line}`)
        rounds.push(line)
      })
      if (!results.with.every((v) => v.widgetPresent)) throw new Error(`the widget did not render on ${path}`)
      if (results.without.some((v) => v.widgetPresent)) throw new Error(`the widget rendered on ${path} although widget.js was blocked`)
      for (const v of results.with) for (const s of v.shiftSources) sources.add(s)
      const m = (k: 'with' | 'without', f: keyof Pick<Visit, 'longTasks' | 'longTaskMs' | 'cls'>) => median(results[k].map((v) => v[f]))
      const extraTasks = m('with', 'longTasks') - m('without', 'longTasks')
      // A shift is the widget's when it moves the widget's own nodes, or host nodes that never
      // shift without the widget; the host's own late layout (seen without the widget) is not.
      const hostOwn = new Set(results.without.flatMap((v) => v.shifts.map((x) => x.signature)))
      const attributable = (v: Visit) =>
        v.shifts.filter((x) => x.signature.includes('widget:') || !hostOwn.has(x.signature)).reduce((sum, x) => sum + x.value, 0)
      const extraCls = median(results.with.map(attributable))
      figures.push(
        {
          name: `${path}: long tasks > 50 ms, with / without widget`,
          value: `${m('with', 'longTasks')} (${Math.round(m('with', 'longTaskMs'))} ms) / ${m('without', 'longTasks')} (${Math.round(m('without', 'longTaskMs'))} ms)`
        },
        { name: `${path}: long tasks attributable to the widget`, value: String(Math.max(0, extraTasks)), target: '0', met: extraTasks <= 0 },
        { name: `${path}: layout shift (CLS), with / without widget`, value: `${m('with', 'cls').toFixed(4)} / ${m('without', 'cls').toFixed(4)}` },
        { name: `${path}: layout shift attributable to the widget`, value: extraCls.toFixed(4), target: '0', met: extraCls <= 0.0001 }
      )
    }
    return {
      set: 'host',
      title: '5. Host page impact (Chromium)',
      machine: at,
      durationSeconds: (Date.now() - started) / 1000,
      figures,
      rounds,
      notes: [
        "Each visit: a fresh browser context, the page as the office chief, wait for network idle + 1 s, `SupportWidget('open', 'home')`, 1 s, `close`, 0.5 s. Long tasks and layout shifts are observed from navigation start (buffered PerformanceObservers). \"Without\" serves an empty widget.js, so the host page and its call queue stay exactly the same.",
        `Headless Chromium, 1280×800, no CPU throttling; medians of ${ROUNDS} interleaved rounds per page.`,
        "Attribution of layout shift: a shift counts against the widget when one of its source nodes is inside the widget (`[data-support-widget]`), or when the same set of host nodes never shifts in the runs without the widget. The host page's own late layout (its persona label and avatar menu filling in after the token request) shifts in both variants, depending on whether it lands before or after the first paint, and is not the widget's.",
        sources.size ? `Layout-shift sources seen with the widget: ${[...sources].join(', ')}.` : 'No layout-shift sources were reported with the widget.'
      ]
    }
  } finally {
    await browser.close()
    await stack.stop()
  }
}
