/**
 * A file name shortened in the middle when it does not fit ("JPK_V7M_listopad…poprawiona.xml"):
 * the end keeps the extension and the distinguishing suffix. The text itself stays complete,
 * so screen readers read the whole name, and `title` shows it on hover.
 */
export function FileName({ name }: { name: string }) {
  // Short names always fit: one text node.
  if (name.length <= 28)
    return (
      <span class="fname" title={name}>
        <span class="fn1">{name}</span>
      </span>
    )
  const cut = Math.max(0, name.length - Math.min(16, Math.ceil(name.length / 2)))
  return (
    <span class="fname" title={name}>
      <span class="fn1">{name.slice(0, cut)}</span>
      <span class="fn2">{name.slice(cut)}</span>
    </span>
  )
}
