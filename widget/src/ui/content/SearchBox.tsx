/** A labelled search field; the label is visually hidden but read by screen readers. */
export function SearchBox({ id, label, value, onInput }: { id: string; label: string; value: string; onInput: (v: string) => void }) {
  return (
    <div class="search">
      <label for={id} class="sr">
        {label}
      </label>
      <input id={id} type="search" placeholder={label} value={value} maxLength={200} autoComplete="off" onInput={(e) => onInput(e.currentTarget.value)} />
    </div>
  )
}
