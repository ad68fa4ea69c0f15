import { useEffect, useRef, useState } from 'preact/hooks'
import { isAbort } from '../../api/errors'

export type SendPhase = { s: 'idle' } | { s: 'sending'; progress: number } | { s: 'failed'; error: unknown }

/**
 * Upload state shared by the ask form and the reply box. The request is not aborted when
 * the panel closes: the user pressed send, so the question should still arrive. Only
 * "Anuluj" aborts it, which returns to the form with text and files untouched.
 * After a 429 `wait` counts down the seconds until sending is allowed again.
 */
export function useSend<T>(run: (onProgress: (p: number) => void, signal: AbortSignal) => Promise<T>, onDone: (result: T) => void) {
  const [phase, setPhase] = useState<SendPhase>({ s: 'idle' })
  const [wait, setWait] = useState(0)
  const ctrl = useRef<AbortController | null>(null)
  useEffect(() => {
    if (wait <= 0) return
    const id = setTimeout(() => setWait((w) => w - 1), 1000)
    return () => clearTimeout(id)
  }, [wait])
  const send = async (): Promise<void> => {
    const c = (ctrl.current = new AbortController())
    setPhase({ s: 'sending', progress: 0 })
    try {
      const result = await run((progress) => setPhase({ s: 'sending', progress }), c.signal)
      setPhase({ s: 'idle' })
      onDone(result)
    } catch (error) {
      setPhase(isAbort(error) ? { s: 'idle' } : { s: 'failed', error })
    }
  }
  return {
    phase,
    send,
    /** Seconds left before another send is allowed (set by the caller from a 429). */
    wait,
    setWait,
    cancel: (): void => ctrl.current?.abort(),
    reset: () => setPhase({ s: 'idle' })
  }
}
