import type { StatsReport } from '@ze/contract'

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v)
  // Quotes for separators and quotes; a leading =+-@ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The report as CSV (RFC 4180): the daily table, then the period's figures as name,value rows. */
export function reportCsv(r: StatsReport): string {
  const rows: Array<Array<string | number | null>> = [['day', 'opened', 'resolved', 'reopened', 'first_responses', 'ratings']]
  for (const d of r.days) rows.push([d.day, d.opened, d.resolved, d.reopened, d.firstResponses, d.ratings])
  rows.push([])
  const range = (x: { fromMinutes: number; toMinutes: number | null } | null) => (x ? `${x.fromMinutes}-${x.toMinutes ?? ''}` : null)
  rows.push(['figure', 'value'])
  rows.push(['period', `${r.from}..${r.to}`], ['office', r.officeId ?? 'all'])
  rows.push(
    ['first_response_count', r.firstResponse.count],
    ['first_response_median_minutes', range(r.firstResponse.median)],
    ['first_response_p90_minutes', range(r.firstResponse.p90)]
  )
  rows.push(['first_response_mean_seconds', r.firstResponse.meanSeconds === null ? null : Math.round(r.firstResponse.meanSeconds)])
  rows.push(
    ['resolution_count', r.resolution.count],
    ['resolution_median_minutes', range(r.resolution.median)],
    ['resolution_p90_minutes', range(r.resolution.p90)]
  )
  rows.push(['target_minutes', r.withinTarget.targetMinutes], ['answered_within_target', r.withinTarget.within], ['answered', r.withinTarget.answered])
  rows.push(
    ['backlog_under_4h', r.backlog.under4h],
    ['backlog_under_24h', r.backlog.under24h],
    ['backlog_under_3d', r.backlog.under3d],
    ['backlog_older', r.backlog.older]
  )
  r.satisfaction.scores.forEach((n, i) => rows.push([`rating_${i + 1}`, n]))
  rows.push(['deflection_drafts', r.deflection.draftsWithSuggestion], ['deflection_asked', r.deflection.askedAfterSuggestion])
  for (const a of r.articles.mostRead) rows.push([`reads:${a.slug}`, a.reads])
  for (const a of r.articles.leastHelpful) rows.push([`not_helpful:${a.slug}`, a.notHelpful])
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
