import { warn } from '../log'
import { useWidget } from './context'

/** The way to START » WIADOMOŚCI that the host gave at init (R9). */
export function MessagesLink() {
  const { session } = useWidget()
  const { messagesLink, onOpenMessages } = session.options
  const label = session.t('goToMessages')
  if (onOpenMessages) {
    const go = (): void => {
      try {
        onOpenMessages()
      } catch (e) {
        warn('onOpenMessages threw', e)
      }
    }
    return (
      <button type="button" class="btn" onClick={go}>
        {label}
      </button>
    )
  }
  if (messagesLink)
    return (
      <a class="btn" href={messagesLink} target="_top">
        {label}
      </a>
    )
  return null
}
