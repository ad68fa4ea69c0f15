import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { useT } from '../../i18n'

export interface PickerItem {
  id: string
  title: string
  meta?: string
  preview?: string
}

interface Props {
  /** Names the picker for screen readers and as its heading. */
  label: string
  query: string
  onQuery: (q: string) => void
  items: PickerItem[]
  /** Shown instead of the list (loading, failed, nothing found). */
  status?: ComponentChildren
  onPick: (id: string) => void
  onClose: () => void
}

/**
 * A search box over a short list (the ARIA combobox pattern): typing filters, ↑/↓ move,
 * Enter picks, Escape closes. Focus starts in the box; the caller puts it back.
 */
export function Picker({ label, query, onQuery, items, status, onPick, onClose }: Props) {
  const t = useT()
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const id = useRef(`picker-${Math.random().toString(36).slice(2, 8)}`).current
  useEffect(() => inputRef.current?.focus(), [])
  useEffect(() => setActive(0), [query, items.length])
  const current = items[Math.min(active, items.length - 1)]

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (items.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      if (current) onPick(current.id)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      onClose()
    }
  }

  return (
    <div class="picker" role="group" aria-labelledby={`${id}-label`}>
      <div class="picker-head">
        <label id={`${id}-label`} for={`${id}-input`}>
          {label}
        </label>
        <button type="button" class="link" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${id}-${current.id}` : undefined}
        autoComplete="off"
        placeholder={t('pickerPlaceholder')}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {status ?? null}
      <ul id={`${id}-list`} role="listbox" aria-label={label} class="picker-list">
        {items.map((item, i) => (
          <li
            key={item.id}
            id={`${id}-${item.id}`}
            role="option"
            aria-selected={item === current}
            class={item === current ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(item.id)}
            onMouseEnter={() => setActive(i)}
          >
            <span class="picker-title">{item.title}</span>
            {item.meta && <span class="muted"> · {item.meta}</span>}
            {item.preview && <span class="picker-preview">{item.preview}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
