import { useEffect, useRef } from 'preact/hooks'
import { useT } from '../../i18n'

/** "Ktoś odpowiedział w międzyczasie": shown on send when a new message landed while writing. */
export function CollisionPrompt({ onShow, onSendAnyway }: { onShow: () => void; onSendAnyway: () => void }) {
  const t = useT()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div role="alertdialog" aria-labelledby="collision-title" aria-describedby="collision-text" class="collision">
      <h2 id="collision-title">{t('collisionTitle')}</h2>
      <p id="collision-text">{t('collisionText')}</p>
      <button type="button" ref={first} class="primary" onClick={onShow}>
        {t('collisionShow')}
      </button>{' '}
      <button type="button" onClick={onSendAnyway}>
        {t('collisionSend')}
      </button>
    </div>
  )
}
