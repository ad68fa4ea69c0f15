import { useEffect, useRef } from 'preact/hooks'

export type Shortcuts = Partial<Record<string, (e: KeyboardEvent) => void>>

const typingInto = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))

/**
 * Single-key shortcuts (j, k, r, n, a, e, /, ?) while focus is not in a text field, so
 * typing "a" in a reply never assigns a case. Escape in a field leaves it.
 */
export function useShortcuts(map: Shortcuts): void {
  const ref = useRef(map)
  ref.current = map
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return
      if (typingInto(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur()
        return
      }
      // Enter on a link or button already activates it.
      if (e.key === 'Enter' && e.target instanceof HTMLElement && /^(A|BUTTON)$/.test(e.target.tagName)) return
      const fn = ref.current[e.key]
      if (fn) {
        e.preventDefault()
        fn(e)
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}
