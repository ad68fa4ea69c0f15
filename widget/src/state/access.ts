import type { EntryPoint, Me } from '../api/types'

export type AskAccess = { ok: true } | { ok: false; reason: 'ONLY_OFFICE_CHIEF' | 'PACKAGE_INACTIVE' }

/** The service decides (R1, R9); this only mirrors /me so the UI can explain before a 403. */
export function askAccess(me: Me, entryPoint: EntryPoint): AskAccess {
  if (!me.capabilities.canAskExpert) return { ok: false, reason: 'ONLY_OFFICE_CHIEF' }
  if (!me.capabilities.entryPoints.includes(entryPoint)) return { ok: false, reason: 'PACKAGE_INACTIVE' }
  return { ok: true }
}
