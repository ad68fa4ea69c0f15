import type { EntryPoint } from '@ze/contract'
import type { Identity } from './identity.js'

export interface Capabilities {
  canAskExpert: boolean
  askExpertDeniedReason: 'ONLY_OFFICE_CHIEF' | null
  /** Where this user may create a case from. */
  entryPoints: EntryPoint[]
}

const ALL_ENTRY_POINTS: EntryPoint[] = ['sidebar', 'avatar', 'messages']

/**
 * R1: only the office chief asks experts, from the office or a client account.
 * R9: with an inactive package the chief may still ask about using the system, but only
 * through START » WIADOMOŚCI (entry point `messages`).
 */
export function capabilitiesOf(identity: Identity): Capabilities {
  if (identity.role !== 'office_chief') return { canAskExpert: false, askExpertDeniedReason: 'ONLY_OFFICE_CHIEF', entryPoints: [] }
  return { canAskExpert: true, askExpertDeniedReason: null, entryPoints: identity.package.active ? ALL_ENTRY_POINTS : ['messages'] }
}

/** R10, shown in the ask form. */
export const scopeNotice = {
  pl: 'Pomoc ekspertów MojeBiuro24 dotyczy wyłącznie wskazówek technicznych w zakresie poruszania się po systemie. Eksperci nie udzielają porad księgowych, podatkowych ani prawnych.',
  en: 'MojeBiuro24 expert help covers technical guidance on using the system only. Experts do not give accounting, tax or legal advice.'
} as const
