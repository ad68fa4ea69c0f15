import { useEffect, useState } from 'preact/hooks'
import { useT } from '../../i18n'
import { fillVariables, loadSavedReplies, matchesQuery, savedReplies, type Variables } from '../../state/saved-replies'
import { useStore } from '../../state/store'
import { Picker } from './Picker'

const PREVIEW = 140

/** "Gotowe odpowiedzi" from the reply editor: shows each text as it will be sent (variables filled). */
export function SavedReplyPicker({ variables, onPick, onClose }: { variables: Variables; onPick: (text: string) => void; onClose: () => void }) {
  const t = useT()
  const list = useStore(savedReplies)
  const [query, setQuery] = useState('')
  useEffect(() => void loadSavedReplies(), [])
  const items = list.status === 'ready' ? list.items.filter((r) => matchesQuery(r, query)) : []
  const status =
    list.status === 'failed' ? (
      <p role="alert">{t('loadFailed')}</p>
    ) : list.status !== 'ready' ? (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    ) : items.length === 0 ? (
      <p class="muted" role="status">
        {t(list.items.length ? 'repliesNoMatch' : 'repliesEmpty')}
      </p>
    ) : undefined
  return (
    <Picker
      label={t('savedReplies')}
      query={query}
      onQuery={setQuery}
      status={status}
      items={items.map((r) => ({
        id: r.id,
        title: r.title,
        meta: [t(r.scope === 'shared' ? 'replyShared' : 'replyPersonal'), ...r.tags.map((tag) => `#${tag}`)].join(' '),
        preview: fillVariables(r.body, variables).slice(0, PREVIEW)
      }))}
      onPick={(id) => {
        const r = list.status === 'ready' ? list.items.find((x) => x.id === id) : undefined
        if (r) onPick(fillVariables(r.body, variables))
      }}
      onClose={onClose}
    />
  )
}
