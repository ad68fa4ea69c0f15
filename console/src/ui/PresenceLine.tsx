import { useT } from '../i18n'
import { presence } from '../state/presence'
import { useStore } from '../state/store'

/** "Tomasz Ekspert przegląda" / "… pisze odpowiedź" for other experts on a case. */
export function PresenceLine({ caseId }: { caseId: string }) {
  const t = useT()
  const others = useStore(presence).get(caseId) ?? []
  if (others.length === 0) return null
  return (
    <span class="presence">
      {others.map((p) => (
        <span key={p.expertId} class={`presence-${p.state}`}>
          {t(p.state === 'typing' ? 'typing' : 'viewing', { name: p.name })}
        </span>
      ))}
    </span>
  )
}
