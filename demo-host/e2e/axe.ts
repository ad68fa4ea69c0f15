// axe-core injected into a page (widget and console alike): serious and critical violations fail a test.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const require = createRequire(import.meta.url)
let axeSource: string | undefined

export interface AxeFinding {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

export interface AxeScan {
  /** Serious and critical violations only (moderate and minor ones are advice, not failures). */
  violations: AxeFinding[]
  /** The targets axe checked and found fine; a target with two selectors went into a shadow root. */
  passTargets: unknown[][]
}

/** Runs axe on the whole page, or on the elements `selector` matches (axe pierces open shadow roots). */
export async function runAxe(page: Page, selector?: string): Promise<AxeScan> {
  // Evaluated through the DevTools protocol, not added as a <script>: the console's strict CSP
  // (script-src 'self') would refuse an inline script tag, and the page must keep that CSP.
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
    await page.evaluate(`${axeSource}\n;0`)
  }
  return page.evaluate(async (include) => {
    type Node = { target: unknown[]; failureSummary?: string }
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: Node[] }[]; passes: { nodes: Node[] }[] }>
        }
      }
    ).axe
    const result = await axe.run(include ? { include: [[include]] } : document, { resultTypes: ['violations', 'passes'] })
    return {
      violations: result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)
        })),
      passTargets: result.passes.flatMap((p) => p.nodes.map((n) => n.target))
    }
  }, selector ?? null)
}

/** A readable failure message listing each violation and the first nodes it was found on. */
export const describeViolations = (view: string, violations: AxeFinding[]): string =>
  `${view}:\n${violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n')}`

/** Fails the test on any serious or critical violation inside the floating widget (its shadow root included). */
export async function expectAccessibleWidget(page: Page, view: string): Promise<void> {
  await page.mouse.move(0, 0)
  const { violations } = await runAxe(page, '[data-support-widget="floating"]')
  expect(violations, describeViolations(view, violations)).toEqual([])
}
