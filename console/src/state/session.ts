import type { ExpertProfile } from '@ze/contract'
import { admin } from '../api/admin'
import { ApiError } from '../api/client'
import { createStore } from './store'

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'error' } | { status: 'ready'; me: ExpertProfile }

export const session = createStore<SessionState>({ status: 'loading' })

/** Who is signed in: GET /admin/v1/me with the session cookie; 401 means the sign-in page. */
export async function loadSession(): Promise<void> {
  try {
    session.set({ status: 'ready', me: await admin.me() })
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
