import { useEffect, useRef } from 'preact/hooks'
import { useT, type StringKey } from '../i18n'

const KEYS: Array<[string, StringKey]> = [
  ['j / k', 'key_jk'],
  ['Enter', 'key_enter'],
  ['r', 'key_r'],
  ['n', 'key_n'],
  ['a', 'key_a'],
  ['e', 'key_e'],
  ['/', 'key_slash'],
  ['?', 'key_help'],
  ['Esc', 'key_esc']
]

/** The `?` overlay: a modal dialog, focus inside, Escape or "Zamknij" returns focus. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useT()
  const closeRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault()
        onClose()
      }
    }
    document.addEventListener('keydown', onKey, true)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      before?.focus()
    }
  }, [])
  return (
    <div class="overlay">
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" class="dialog">
        <h2 id="shortcuts-title">{t('shortcuts')}</h2>
        <dl class="keys">
          {KEYS.map(([key, label]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" ref={closeRef} onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  )
}
