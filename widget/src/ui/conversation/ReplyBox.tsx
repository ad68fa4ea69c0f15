import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import { replyToCase } from '../../api/cases'
import type { CaseAndMessage, Limits } from '../../api/types'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { CaptureButton } from '../capture/CaptureButton'
import { CharCount } from '../files/CharCount'
import { FileErrors, FileList } from '../files/FilePicker'
import { SendStatus } from '../files/SendStatus'
import { useDraft } from '../files/useDraft'
import { useFilePicking } from '../files/useFilePicking'
import { useSend } from '../files/useSend'
import { filesFromClipboard } from '../files/validate'

const MAX_ROWS_PX = 160

/**
 * The chief's reply (R8), compact and fixed at the bottom of the conversation: a paperclip,
 * a field that grows as you type, and Odpowiedz. Files can be dropped anywhere on it or
 * pasted into the field. The unsent draft is kept like the question's.
 */
export function ReplyBox({ caseId, limits, onSent }: { caseId: string; limits: Limits; onSent: (r: CaseAndMessage) => void }) {
  const { session } = useWidget()
  const t = useExpertT()
  const et = useExpertT()
  const { text, files, setText, setFiles, clear } = useDraft(`reply:${caseId}`)
  const [refused, setRefused] = useState<string>()
  const field = useRef<HTMLTextAreaElement>(null)
  const { phase, send, cancel, wait, setWait } = useSend(
    (onProgress, signal) => replyToCase(session.api, caseId, text.trim(), files, { onProgress, signal }),
    (r) => {
      clear()
      onSent(r)
    }
  )
  const picking = useFilePicking({ files, limits, onChange: setFiles, disabled: phase.s === 'sending' })
  const sending = phase.s === 'sending'
  const tooLong = text.length > limits.maxBodyChars

  // Grow with the text up to a few lines, then scroll inside the field.
  useLayoutEffect(() => {
    const el = field.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(el.scrollHeight + 2, MAX_ROWS_PX)}px`
  }, [text])

  const submit = (e?: Event): void => {
    e?.preventDefault()
    if (text.trim() && !sending && !tooLong && wait <= 0) void send()
  }
  const onPaste = (e: ClipboardEvent): void => {
    const pasted = filesFromClipboard(e.clipboardData)
    if (!pasted.length) return
    e.preventDefault()
    void picking.add(pasted)
  }
  return (
    <form class={picking.over ? 'reply over' : 'reply'} onSubmit={submit} noValidate {...picking.dragProps}>
      {picking.over && (
        <p class="cover" aria-hidden="true">
          {et('dropHere')}
        </p>
      )}
      <FileErrors errors={picking.errors} />
      <FileList files={files} onChange={setFiles} refused={refused} />
      <SendStatus phase={phase} onRetry={submit} onCancel={cancel} maxFiles={limits.maxFiles} wait={wait} setWait={setWait} onRefusedFile={setRefused} />
      <div class="rrow">
        <button type="button" class="clip" aria-label={t('attachFiles')} title={t('attachFiles')} onClick={picking.pick} disabled={sending}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
              d="M21 11.5l-8.6 8.6a5.5 5.5 0 01-7.8-7.8l8.6-8.6a3.7 3.7 0 015.2 5.2l-8.6 8.6a1.8 1.8 0 01-2.6-2.6l7.9-7.9"
            />
          </svg>
        </button>
        <CaptureButton compact onFile={(f) => void picking.add([f])} disabled={sending} />
        <input {...picking.inputProps} />
        <label for="ze-reply" class="sr">
          {t('yourReply')}
        </label>
        <textarea
          id="ze-reply"
          ref={field}
          rows={1}
          value={text}
          readOnly={sending}
          placeholder={t('yourReply')}
          aria-invalid={tooLong}
          aria-describedby="ze-r-hint ze-r-count"
          onInput={(e) => setText(e.currentTarget.value)}
          onPaste={onPaste}
        />
        <button type="submit" class="btn primary sm" disabled={sending || !text.trim() || tooLong || wait > 0}>
          {sending ? t('sending') : t('sendReply')}
        </button>
      </div>
      <CharCount id="ze-r-count" length={text.length} max={limits.maxBodyChars} />
      <p id="ze-r-hint" class="hint">
        {et('replyHint')}
      </p>
    </form>
  )
}
