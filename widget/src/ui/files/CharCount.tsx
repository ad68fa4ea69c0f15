import { useExpertT } from '../expertT'

/**
 * Shown from 90 % of the limit. The field has no maxLength: a paste over the limit is
 * kept whole and the user is told by how much to shorten it, instead of losing the end.
 */
export function CharCount({ id, length, max }: { id: string; length: number; max: number }) {
  const et = useExpertT()
  if (length < max * 0.9) return null
  const over = length - max
  return (
    <p id={id} class={over > 0 ? 'count err' : 'count hint'} aria-live="polite">
      {et('charCount', { n: length, max })}
      {over > 0 ? ` ${et('tooLong', { over })}` : ''}
    </p>
  )
}
