import type { StatsReport } from '@ze/contract'

const W = 720
const H = 200
const PAD = { left: 36, right: 8, top: 10, bottom: 24 }

/**
 * Opened (bars) and resolved (line) per day as plain SVG: no chart library, a few hundred
 * bytes of markup. The numbers themselves are in the table below, so the chart is one image
 * with a label for assistive technology.
 */
export function DayChart({
  days,
  label,
  openedLabel,
  resolvedLabel
}: {
  days: StatsReport['days']
  label: string
  openedLabel: string
  resolvedLabel: string
}) {
  const max = Math.max(1, ...days.map((d) => Math.max(d.opened, d.resolved)))
  const innerW = W - PAD.left - PAD.right
  const innerH = H - PAD.top - PAD.bottom
  const step = innerW / Math.max(1, days.length)
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  const x = (i: number) => PAD.left + i * step + step / 2
  const line = days.map((d, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(d.resolved).toFixed(1)}`).join(' ')
  const labelEvery = Math.ceil(days.length / 8)
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} width="100%" preserveAspectRatio="none">
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} class="tick" text-anchor="end">
          {max}
        </text>
        <text x={PAD.left - 6} y={y(0) + 4} class="tick" text-anchor="end">
          0
        </text>
        {days.map((d, i) => (
          <rect key={d.day} x={x(i) - step * 0.35} width={step * 0.7} y={y(d.opened)} height={Math.max(0, y(0) - y(d.opened))} class="bar-opened" />
        ))}
        {days.length > 0 && <path d={line} class="line-resolved" fill="none" />}
        {days.map((d, i) =>
          i % labelEvery === 0 ? (
            <text key={`t${d.day}`} x={x(i)} y={H - 6} class="tick" text-anchor="middle">
              {d.day.slice(5)}
            </text>
          ) : null
        )}
      </svg>
      <figcaption class="legend">
        <span class="key key-opened" aria-hidden="true" /> {openedLabel} <span class="key key-resolved" aria-hidden="true" /> {resolvedLabel}
      </figcaption>
    </figure>
  )
}
