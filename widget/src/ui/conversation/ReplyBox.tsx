import { replyToCase } from '../../api/cases'
import type { CaseAndMessage, Limits } from '../../api/types'
import { useWidget } from '../context'
import { FilePicker } from '../files/FilePicker'
import { SendStatus } from '../files/SendStatus'
import { useDraft } from '../files/useDraft'
import { useSend } from '../files/useSend'

/** The chief's reply (R8); the unsent draft is kept like the question's, and a failed send keeps it for the retry. */
export function ReplyBox({ caseId, limits, onSent }: { caseId: string; limits: Limits; onSent: (r: CaseAndMessage) => void }) {
  const { session } = useWidget()
  const { t } = session
  const { text, files, setText, setFiles, clear } = useDraft(`reply:${caseId}`)
  const { phase, send } = useSend(
    onProgress => replyToCase(session.api, caseId, text.trim(), files, { onProgress }),
    r => { clear(); onSent(r) }
  )
  const sending = phase.s === 'sending'
  const submit = (e?: Event): void => {
    e?.preventDefault()
    if (text.trim() && !sending) void send()
  }
  return (
    <form class="form reply" onSubmit={submit} noValidate>
      <label for="ze-reply">{t('yourReply')}</label>
      <textarea id="ze-reply" rows={3} value={text} maxLength={limits.maxBodyChars} readOnly={sending}
        onInput={e => setText(e.currentTarget.value)} />
      <FilePicker files={files} limits={limits} onChange={setFiles} disabled={sending} />
      <SendStatus phase={phase} onRetry={submit} />
      <button type="submit" class="btn primary" disabled={sending || !text.trim()}>{sending ? t('sending') : t('sendReply')}</button>
    </form>
  )
}
