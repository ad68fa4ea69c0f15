import { useEffect, useRef } from 'preact/hooks'
import { admin, type PresenceState } from '../../api/admin'

// The service keeps presence for PRESENCE_TTL_SECONDS (30 s by default): refresh well inside it.
const REFRESH_MS = 10_000
const TYPING_IDLE_MS = 6_000

/**
 * Tells other experts this one is viewing the case, or typing while `typingAt` is recent;
 * `left` on the way out. Failures are ignored: presence is a courtesy, never a blocker.
 */
export function usePresence(caseId: string, typingAt: number): void {
  const sent = useRef<{ state: PresenceState; at: number } | null>(null)
  const post = (state: PresenceState) => {
    sent.current = { state, at: Date.now() }
    admin.presence(caseId, state).catch(() => undefined)
  }
  const wanted = (): PresenceState => (Date.now() - typingAt < TYPING_IDLE_MS ? 'typing' : 'viewing')

  useEffect(() => {
    post('viewing')
    const timer = setInterval(() => post(wanted()), REFRESH_MS)
    const leave = () => post('left')
    addEventListener('pagehide', leave)
    return () => {
      clearInterval(timer)
      removeEventListener('pagehide', leave)
      leave()
    }
  }, [caseId])

  useEffect(() => {
    // 0 after a send: the reply is out, so others should stop seeing "pisze odpowiedź" at once.
    if (!typingAt) {
      if (sent.current?.state === 'typing') post('viewing')
      return
    }
    if (sent.current?.state !== 'typing') post('typing')
    const back = setTimeout(() => sent.current?.state === 'typing' && post('viewing'), TYPING_IDLE_MS)
    return () => clearTimeout(back)
  }, [typingAt])
}
