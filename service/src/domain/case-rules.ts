import { AppError } from '../errors.js'
import type { EntryPoint } from '@ze/contract'
import type { Identity } from './identity.js'
import { capabilitiesOf } from './capabilities.js'

export type CaseStatus = 'open' | 'answered' | 'resolved'
export type AuthorKind = 'chief' | 'expert' | 'system'

/**
 * R1 and the "Moje pytania" view: a case is the chief's correspondence with the experts,
 * so every /cases and /attachments route is for the office chief only (employees and
 * client users get 403 ONLY_OFFICE_CHIEF, even for reading).
 */
export function assertOfficeChief(identity: Identity): void {
  const { askExpertDeniedReason } = capabilitiesOf(identity)
  if (askExpertDeniedReason) throw new AppError(askExpertDeniedReason, 'Only the office chief may ask experts and read the correspondence with them')
}

/**
 * R9: with an inactive package the chief may still ask about using the system, but only
 * from START » WIADOMOŚCI. Replying to an existing case is always allowed: it continues a
 * conversation that was accepted when it started. Both rules are the capabilities `GET /me`
 * reports (domain/capabilities.ts), so the widget's offer and the service's answer agree.
 */
export function assertMayCreateFrom(identity: Identity, entryPoint: EntryPoint): void {
  assertOfficeChief(identity)
  if (!capabilitiesOf(identity).entryPoints.includes(entryPoint)) {
    throw new AppError('PACKAGE_INACTIVE', 'With an inactive package, questions about using the system go through START » WIADOMOŚCI » UTWÓRZ SPRAWĘ')
  }
}

const SUBJECT_MAX = 120

// Openings that say nothing about the problem ("Dzień dobry, …"): skipped when the subject is derived.
const GREETING =
  /^(?:dzień dobry|dobry wieczór|witam(?: serdecznie)?|witajcie|cześć|hej|szanowni państwo|szanowny panie|szanowna pani|hello|hi|good (?:morning|afternoon|evening))(?:\s+\p{L}+)?\s*[,.!:;–-]+\s*/iu
// The first sentence ends at . ? ! followed by white space and a capital letter, or at the end of the line.
const SENTENCE = /^.*?[.?!…](?=\s+\p{Lu})/u

/**
 * The given subject, or else the first sentence of the question with a greeting skipped
 * ("Dzień dobry, jak dodać korektę? Klient…" → "Jak dodać korektę?"), shortened to a
 * list-friendly length.
 */
export function subjectFrom(question: string, subject?: string): string {
  const given = subject?.replace(/\s+/g, ' ').trim()
  if (given) return given
  const lines = question
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0)
  let text = ''
  let greeted = false
  for (const line of lines) {
    text = line.replace(GREETING, '').trim()
    greeted ||= text !== line
    if (text) break
  }
  if (!text) text = lines[0] ?? ''
  text = SENTENCE.exec(text)?.[0] ?? text
  // "Dzień dobry, jak…" leaves a lower-case start; the chief's own first word is kept as written.
  if (greeted) text = text.charAt(0).toLocaleUpperCase('pl') + text.slice(1)
  const chars = Array.from(text)
  return chars.length <= SUBJECT_MAX
    ? text
    : `${chars
        .slice(0, SUBJECT_MAX - 1)
        .join('')
        .trimEnd()}…`
}

/** The account context label shown on each case, in the token's locale. */
export function accountLabel(account: { type: 'office' | 'client'; name: string }, locale: 'pl' | 'en'): string {
  if (account.type === 'office') return locale === 'en' ? 'Office account' : 'Konto biura'
  return locale === 'en' ? `Client: ${account.name}` : `Klient: ${account.name}`
}

/** How a new message changes the case: the chief's view (read, archive) and the experts' view. */
export interface CaseChange {
  status?: CaseStatus
  chiefUnread?: boolean
  expertUnread?: boolean
  archived?: boolean
  touchesActivity: boolean
}

/**
 * - chief writes → waiting for an expert again (`open`), unread for experts;
 * - expert replies publicly → `answered`, unread for the chief, and back in the chief's
 *   active list (a new answer must not hide in the archive);
 * - expert internal note → nothing the chief can see changes.
 */
export function changeAfterMessage(author: 'chief' | 'expert', internal: boolean): CaseChange {
  if (author === 'chief') return { status: 'open', chiefUnread: false, expertUnread: true, archived: false, touchesActivity: true }
  if (internal) return { expertUnread: false, touchesActivity: false }
  return { status: 'answered', chiefUnread: true, expertUnread: false, archived: false, touchesActivity: true }
}

export const PREVIEW_CHARS = 160

/** A message on one line for the case list: whitespace collapsed, cut at a word with "…". */
export function previewOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim()
  if (line.length <= PREVIEW_CHARS) return line
  const cut = line.slice(0, PREVIEW_CHARS - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > PREVIEW_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
