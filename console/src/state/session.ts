import type { ExpertProfile } from '@ze/contract'
import { admin } from '../api/admin'
import { ApiError, whenUnauthorised } from '../api/client'
import { locale } from '../i18n'
import { createStore } from './store'

/** `ended`: the session stopped while the console was open (expired, signed out elsewhere, or the expert was deactivated). */
export type SessionState = { status: 'loading' } | { status: 'signed-out'; ended?: boolean } | { status: 'error' } | { status: 'ready'; me: ExpertProfile }

export const session = createStore<SessionState>({ status: 'loading' })

// Any 401 on any call means the next action shows "Zaloguj się" at once, not a failed view.
whenUnauthorised(() => {
  if (session.get().status === 'ready') session.set({ status: 'signed-out', ended: true })
})

/** Who is signed in: GET /admin/v1/me with the session cookie; 401 means the sign-in page. */
export async function loadSession(): Promise<void> {
  try {
    const me = await admin.me()
    // The language the expert chose (Moje ustawienia) follows them to any browser.
    locale.set(me.locale)
    session.set({ status: 'ready', me })
  } catch (err) {
    session.set(err instanceof ApiError && err.status === 401 ? { status: 'signed-out' } : { status: 'error' })
  }
}

export async function signOut(): Promise<void> {
  try {
    await admin.signOut()
  } finally {
    session.set({ status: 'signed-out' })
    location.hash = '#/signin'
  }
}

export const selfId = (): string | null => {
  const s = session.get()
  return s.status === 'ready' ? s.me.id : null
}
