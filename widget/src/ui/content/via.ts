import type { Session } from '../../state/session'

/**
 * `?via=suggestion` for the first suggestion opened while one question is written, nothing for
 * later ones or for opening the same page again (Back): the service counts questions in which a
 * suggestion was opened, and the question sent anyway says so (`afterSuggestion`), which gives
 * deflection (docs/adr/0145-statistics-pre-aggregated-per-day.md). Claimed when the request is made.
 */
export function viaSuggestion(session: Session, via: boolean | undefined): 'suggestion' | undefined {
  if (!via || session.suggested) return undefined
  session.suggested = true
  return 'suggestion'
}
