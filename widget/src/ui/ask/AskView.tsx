import { useState } from 'preact/hooks'
import { createCase } from '../../api/cases'
import type { CaseAndMessage, EntryPoint, Me } from '../../api/types'
import { askAccess } from '../../state/access'
import { caseCreated } from '../../state/cases'
import { useStore } from '../../state/store'
import { useWidget } from '../context'
import { expertCss } from '../expertCss'
import { useExpertT } from '../expertT'
import { CharCount } from '../files/CharCount'
import { FilePicker } from '../files/FilePicker'
import { SendStatus } from '../files/SendStatus'
import { useDraft } from '../files/useDraft'
import { useSend } from '../files/useSend'
import { checkFiles, filesFromClipboard } from '../files/validate'
import { MessagesLink } from '../MessagesLink'
import { MeGate } from '../MeGate'
import { Suggestions } from './Suggestions'
import { Sheet } from '../sheet'

function AskForm({ me, entryPoint }: { me: Me; entryPoint: EntryPoint }) {
  const { session, panel } = useWidget()
  const { locale } = session
  const t = useExpertT()
  const { text, files, setText, setFiles, clear } = useDraft('ask')
  const [subject, setSubject] = useState('')
  const [pasteErrors, setPasteErrors] = useState<string[]>([])
  const [missing, setMissing] = useState(false)

  const [refused, setRefused] = useState<string>()
  const et = useExpertT()
  const { phase, send, cancel, wait, setWait } = useSend(
    (onProgress, signal) =>
      createCase(
        session.api,
        { question: text.trim(), subject: subject.trim() || undefined, entryPoint, pageUrl: location.href, files, afterSuggestion: session.suggested },
        { onProgress, signal }
      ),
    (r: CaseAndMessage) => {
      session.suggested = false
      clear()
      setSubject('')
      session.emitEvent('caseCreated', { case: r.case })
      // The answer is the new case: it heads the list at once; a new case is not unread, so the badge stays.
      caseCreated(session, r.case)
      panel.replace({ name: 'case', caseId: r.case.id })
    }
  )
  const sending = phase.s === 'sending'
  const max = me.limits.maxBodyChars
  const tooLong = text.length > max

  const onPaste = (e: ClipboardEvent): void => {
    const pasted = filesFromClipboard(e.clipboardData)
    if (!pasted.length) return
    e.preventDefault()
    void checkFiles(files, pasted, me.limits, et, locale).then((r) => {
      setPasteErrors(r.errors)
      if (r.accepted.length) setFiles([...files, ...r.accepted])
    })
  }
  const submit = (e?: Event): void => {
    e?.preventDefault()
    if (!text.trim()) {
      setMissing(true)
      return
    }
    if (!sending && !tooLong && wait <= 0) void send()
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <p class="note">{me.scopeNotice?.[locale] || t('scopeNotice')}</p>
      <label for="ze-subject">{t('subjectLabel')}</label>
      <input
        id="ze-subject"
        class="subject"
        value={subject}
        maxLength={200}
        readOnly={sending}
        aria-describedby="ze-subject-hint"
        onInput={(e) => setSubject(e.currentTarget.value)}
      />
      <p id="ze-subject-hint" class="hint">
        {t('subjectHint')}
      </p>
      <label for="ze-question">{t('question')}</label>
      <textarea
        id="ze-question"
        rows={6}
        value={text}
        readOnly={sending}
        aria-invalid={missing || tooLong}
        aria-describedby={missing ? 'ze-q-err' : 'ze-q-count'}
        onInput={(e) => {
          setText(e.currentTarget.value)
          // An emptied draft was given up: the next question starts without a suggestion opened.
          if (!e.currentTarget.value.trim()) session.suggested = false
          setMissing(false)
        }}
        onPaste={onPaste}
      />
      {missing && (
        <p id="ze-q-err" class="err">
          {t('questionRequired')}
        </p>
      )}
      <CharCount id="ze-q-count" length={text.length} max={max} />
      <Suggestions query={text} />
      <FilePicker files={files} limits={me.limits} onChange={setFiles} disabled={sending} extraErrors={pasteErrors} refused={refused} />
      <SendStatus phase={phase} onRetry={submit} onCancel={cancel} maxFiles={me.limits.maxFiles} wait={wait} setWait={setWait} onRefusedFile={setRefused} />
      <button type="submit" class="btn primary" disabled={sending || wait > 0}>
        {sending ? t('sending') : t('send')}
      </button>
    </form>
  )
}

/** Zapytaj Eksperta (R5, R10), or the reason why not here (R1, R9). */
export default function AskView() {
  const { session, panel } = useWidget()
  const state = useStore(panel.store)
  const entryPoint = state.status === 'open' ? state.entryPoint : 'sidebar'
  return (
    <>
      <Sheet css={expertCss} name="expert" />
      <MeGate>
        {(me) => {
          const access = askAccess(me, entryPoint)
          if (access.ok) return <AskForm me={me} entryPoint={entryPoint} />
          if (access.reason === 'ONLY_OFFICE_CHIEF') return <p class="note">{session.t('onlyChief')}</p>
          return (
            <div class="note">
              <p>{session.t('inactivePackage')}</p>
              <MessagesLink />
            </div>
          )
        }}
      </MeGate>
    </>
  )
}
