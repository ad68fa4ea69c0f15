import { useState } from 'preact/hooks'

export type SendPhase =
  | { s: 'idle' }
  | { s: 'sending'; progress: number }
  | { s: 'failed'; error: unknown }

/**
 * Upload state shared by the ask form and the reply box. The request is not aborted when
 * the panel closes: the user pressed send, so the question should still arrive.
 */
export function useSend<T>(run: (onProgress: (p: number) => void) => Promise<T>, onDone: (result: T) => void) {
  const [phase, setPhase] = useState<SendPhase>({ s: 'idle' })
  const send = async (): Promise<void> => {
    setPhase({ s: 'sending', progress: 0 })
    try {
      const result = await run(progress => setPhase({ s: 'sending', progress }))
      setPhase({ s: 'idle' })
      onDone(result)
    } catch (error) {
      setPhase({ s: 'failed', error })
    }
  }
  return { phase, send, reset: () => setPhase({ s: 'idle' }) }
}
