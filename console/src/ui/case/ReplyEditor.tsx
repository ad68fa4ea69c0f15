import { useEffect, useRef, useState } from 'preact/hooks'
import { useT } from '../../i18n'
import { loadDraft, saveDraft, type Draft } from '../../state/drafts'
import { insertText, opensPicker, type Variables } from '../../state/saved-replies'
import { ArticleLinkPicker } from '../replies/ArticleLinkPicker'
import { SavedReplyPicker } from '../replies/SavedReplyPicker'

export interface EditorHandle {
  focus(internal: boolean): void
}

interface Props {
  caseId: string
  /** Resolves when sent; rejects to keep the text and files (a failed send loses nothing). */
  onSend: (body: string, internal: boolean, files: File[]) => Promise<'sent' | 'held'>
  onTyping: () => void
  handle: { current: EditorHandle | null }
  /** What a saved reply's `{{imie}}`, `{{biuro}}`, `{{numer}}`, `{{ekspert}}` become here. */
  variables: Variables
  /** The case's app, whose articles can be linked. */
  appId: string
}

type Phase = 'idle' | 'sending' | 'sent' | 'failed'
type PickerKind = 'replies' | 'articles'

/**
 * The reply editor: "Odpowiedź" or "Notatka wewnętrzna", files by drop, paste or "Wybierz".
 * Keyed by case in the parent, so another case gets a fresh editor with its own draft.
 */
export function ReplyEditor({ caseId, onSend, onTyping, handle, variables, appId }: Props) {
  const t = useT()
  const [draft, setDraft] = useState<Draft>(() => loadDraft(caseId))
  const [files, setFiles] = useState<File[]>([])
  const [phase, setPhase] = useState<Phase>('idle')
  const [lastSent, setLastSent] = useState<'reply' | 'note'>('reply')
  const [dragging, setDragging] = useState(false)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const [picker, setPicker] = useState<PickerKind | null>(null)
  // Where the picked text goes: the selection when the picker opened.
  const selection = useRef({ start: 0, end: 0 })

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
  const openPicker = (kind: PickerKind) => {
    const el = textRef.current
    selection.current = el ? { start: el.selectionStart, end: el.selectionEnd } : { start: draft.body.length, end: draft.body.length }
    setPicker(kind)
  }
  const closePicker = () => {
    setPicker(null)
    textRef.current?.focus()
  }
  const insert = (text: string) => {
    const { start, end } = selection.current
    const next = insertText(draft.body, start, end, text)
    setDraft((d) => ({ ...d, body: next.text }))
    setPicker(null)
    onTyping()
    requestAnimationFrame(() => {
      const el = textRef.current
      if (!el) return
      el.focus()
      el.setSelectionRange(next.caret, next.caret)
    })
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
          const el = e.currentTarget
          if (e.key === ';' && !e.ctrlKey && !e.metaKey && !e.altKey && el.selectionStart === el.selectionEnd && opensPicker(el.value, el.selectionStart)) {
            e.preventDefault()
            openPicker('replies')
          }
        }}
      />
      <div class="insert" role="group" aria-label={t('insert')}>
        <button type="button" aria-expanded={picker === 'replies'} onClick={() => (picker === 'replies' ? closePicker() : openPicker('replies'))}>
          {t('insertSavedReply')} <kbd>;</kbd>
        </button>
        <button type="button" aria-expanded={picker === 'articles'} onClick={() => (picker === 'articles' ? closePicker() : openPicker('articles'))}>
          {t('articleLink')}
        </button>
      </div>
      {picker === 'replies' && <SavedReplyPicker variables={variables} onPick={insert} onClose={closePicker} />}
      {picker === 'articles' && <ArticleLinkPicker appId={appId} onPick={insert} onClose={closePicker} />}
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
              <button
                type="button"
                class="link"
                aria-label={t('removeFile', { name: f.name })}
                onClick={() => setFiles((all) => all.filter((_, j) => j !== i))}
              >
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
