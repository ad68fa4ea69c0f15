import type { ComponentType } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useExpertT } from '../expertT'
import { isTouch } from '../files/useFilePicking'

type EditorProps = { source: HTMLCanvasElement; onAttach: (file: File) => void; onCancel: () => void; t: ReturnType<typeof useExpertT> }

// Phones and tablets cannot capture their screen from a page (no getDisplayMedia); touch laptops can, but paste serves them too.
export const canCapture = (): boolean => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function' && !isTouch()

/**
 * "Zrzut ekranu": captures the tab with getDisplayMedia and opens the cover-up editor; both
 * live in their own chunk, loaded on the first click. Nothing is sent until the chief
 * attaches the covered copy and sends the message. Hidden where the browser cannot capture (phones).
 */
export function CaptureButton({ onFile, disabled, compact }: { onFile: (file: File) => void; disabled?: boolean; compact?: boolean }) {
  const t = useExpertT()
  const [open, setOpen] = useState<{ Editor: ComponentType<EditorProps>; source: HTMLCanvasElement } | null>(null)
  const [failed, setFailed] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  if (!canCapture()) return null
  const close = (): void => {
    setOpen(null)
    button.current?.focus()
  }
  const start = async (): Promise<void> => {
    setFailed(false)
    try {
      const m = await import('./Editor')
      setOpen({ Editor: m.default, source: await m.captureTab() })
    } catch (e) {
      // Closing the browser's picker is a choice, not an error.
      if ((e as { name?: string }).name !== 'NotAllowedError') setFailed(true)
    }
  }
  return (
    <>
      <button
        ref={button}
        type="button"
        class={compact ? 'clip' : 'btn'}
        aria-label={compact ? t('capButton') : undefined}
        title={compact ? t('capButton') : undefined}
        disabled={disabled}
        onClick={() => void start()}
      >
        {compact ? (
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M4 7h3l2-3h6l2 3h3v12H4z" />
            <circle cx="12" cy="13" r="3.5" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>
        ) : (
          t('capButton')
        )}
      </button>
      {failed && (
        <p role="alert" class="err">
          {t('capFailed')}
        </p>
      )}
      {open && (
        <open.Editor
          t={t}
          source={open.source}
          onCancel={close}
          onAttach={(f) => {
            close()
            onFile(f)
          }}
        />
      )}
    </>
  )
}
