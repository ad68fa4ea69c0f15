import { useWidget } from './context'

/** Grey placeholder rows while something loads: the layout appears at once, no "Ładowanie…" text. */
export function Skeleton({ rows = 3, cls = '' }: { rows?: number; cls?: string }) {
  return (
    <div class={`skeleton ${cls}`} role="status" aria-busy="true" aria-label={useWidget().session.t('loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} />
      ))}
    </div>
  )
}
