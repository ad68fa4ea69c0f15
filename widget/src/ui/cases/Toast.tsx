import { useEffect } from 'preact/hooks'
import { useExpertT } from '../expertT'

export const TOAST_MS = 8000

export interface ToastState {
  text: string
  undo?: () => void
}

/** "Zarchiwizowano 3 sprawy · Cofnij": announced politely, gone after a few seconds. */
export function Toast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  const t = useExpertT()
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(onClose, TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast])
  return (
    <div class="toast-slot" role="status" aria-live="polite">
      {toast && (
        <div class="toast">
          <span>{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              class="btn sm"
              onClick={() => {
                toast.undo?.()
                onClose()
              }}
            >
              {t('undo')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
