import { useEffect, useRef, useState } from 'preact/hooks'
import { useT } from '../../i18n'
import { loadDraft, saveDraft, type Draft } from '../../state/drafts'

export interface EditorHandle { focus(internal: boolean): void }

interface Props {
  caseId: string
  /** Resolves when sent; rejects to keep the text and files (a failed send loses nothing). */
  onSend: (body: string, internal: boolean, files: File[]) => Promise<'sent' | 'held'>
  onTyping: () => void
  handle: { current: EditorHandle | null }
}

type Phase = 'idle' | 'sending' | 'sent' | 'failed'

/**
 * The reply editor: "Odpowiedź" or "Notatka wewnętrzna", files by drop, paste or "Wybierz".
 * Keyed by case in the parent, so another case gets a fresh editor with its own draft.
 */
export function ReplyEditor({ caseId, onSend, onTyping, handle }: Props) {
  const t = useT()
  const [draft, setDraft] = useState<Draft>(() => loadDraft(caseId))
  const [files, setFiles] = useState<File[]>([])
  const [phase, setPhase] = useState<Phase>('idle')
  const [lastSent, setLastSent] = useState<'reply' | 'note'>('reply')
  const [dragging, setDragging] = useState(false)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const fileRef = useRef<HTMLInputElement>(null)

  useEffect(() => saveDraft(caseId, draft), [caseId, draft])
  handle.current = {
    focus(internal) {
      setDraft((d) => ({ ...d, internal }))
      textRef.current?.focus()
    }
  }

  const addFiles = (list: FileList | File[] | null | undefined) => {
    const added = [...(list ?? [])]
    if (added.length) setFiles((f) => [...f, ...added])
  }
  const submit = async (e: Event) => {
    e.preventDefault()
    if (!draft.body.trim() || phase === 'sending') return
    setPhase('sending')
    try {
      const outcome = await onSend(draft.body, draft.internal, files)
      if (outcome === 'held') return setPhase('idle')
      setLastSent(draft.internal ? 'note' : 'reply')
      setDraft({ body: '', internal: draft.internal })
      setFiles([])
      setPhase('sent')
    } catch {
      setPhase('failed')
    }
  }
  const note = draft.internal
  return (
    <form class={note ? 'editor editor-note' : 'editor'} aria-label={t('editor')} onSubmit={(e) => void submit(e)}>
      <fieldset class="mode">
        <legend>{t('mode')}</legend>
        <label>
          <input type="radio" name={`mode-${caseId}`} checked={!note} onChange={() => setDraft((d) => ({ ...d, internal: false }))} /> {t('modeReply')}
        </label>
        <label>
          <input type="radio" name={`mode-${caseId}`} checked={note} onChange={() => setDraft((d) => ({ ...d, internal: true }))} /> {t('modeNote')}
        </label>
        {note && <span class="badge-note">{t('internalNoteHint')}</span>}
      </fieldset>
      <label for={`body-${caseId}`}>{t(note ? 'noteBody' : 'replyBody')}</label>
      <textarea
        id={`body-${caseId}`}
        ref={textRef}
        rows={6}
        value={draft.body}
        onInput={(e) => {
          const body = e.currentTarget.value
          setDraft((d) => ({ ...d, body }))
          onTyping()
        }}
        onPaste={(e) => addFiles(e.clipboardData?.files)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e)
        }}
      />
      <div
        class={dragging ? 'drop dragging' : 'drop'}
        role="group"
        aria-label={t('attachFiles')}
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault()
          setDragging(false)
          addFiles(e.dataTransfer?.files)
        }}
      >
        <span>{t('dropHere')}</span>{' '}
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('choose')}
        </button>
        {/* Hidden: the "Wybierz" button is the one control keyboard and screen-reader users meet. */}
        <input
          ref={fileRef}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            addFiles(e.currentTarget.files)
            e.currentTarget.value = ''
          }}
        />
      </div>
      {files.length > 0 && (
        <ul class="files">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.name}{' '}
              <button type="button" class="link" aria-label={t('removeFile', { name: f.name })} onClick={() => setFiles((all) => all.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="send">
        <button type="submit" class="primary" disabled={phase === 'sending' || !draft.body.trim()}>
          {phase === 'sending' ? t('sending') : t(note ? 'saveNote' : 'send')}
        </button>
        <span role="status" aria-live="polite">
          {phase === 'sent' ? t(lastSent === 'note' ? 'noteSaved' : 'sent') : ''}
        </span>
      </div>
      {phase === 'failed' && <p role="alert">{t('sendError')}</p>}
    </form>
  )
}
