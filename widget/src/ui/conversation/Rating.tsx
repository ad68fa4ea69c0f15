import { useState } from 'preact/hooks'
import { rateCase } from '../../api/cases'
import type { CaseSummary } from '../../api/types'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { explainProblem } from '../files/problemMessage'

/**
 * "Czy odpowiedź eksperta pomogła?" under an answered or resolved case (issue 15 item 9):
 * 1–5 as native radio buttons (keyboard and screen readers for free), an optional comment,
 * and a thank-you with "Zmień ocenę" once rated.
 */
export function Rating({ kase, onRated }: { kase: CaseSummary; onRated: (c: CaseSummary) => void }) {
  const { session } = useWidget()
  const et = useExpertT()
  const [editing, setEditing] = useState(!kase.rating)
  const [score, setScore] = useState(kase.rating?.score ?? 0)
  const [comment, setComment] = useState(kase.rating?.comment ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  if (kase.rating && !editing) {
    return (
      <section class="rating" aria-label={et('rateQuestion')}>
        <p role="status">{et('rateThanks', { n: kase.rating.score })}</p>
        <button type="button" class="link" onClick={() => setEditing(true)}>
          {et('rateChange')}
        </button>
      </section>
    )
  }

  const submit = (e: Event) => {
    e.preventDefault()
    if (!score || busy) return
    setBusy(true)
    setError('')
    rateCase(session.api, kase.id, score, comment).then(
      (r) => {
        setBusy(false)
        setEditing(false)
        onRated(r.case)
      },
      (err) => {
        setBusy(false)
        setError(explainProblem(err, et, session.locale, 0).text)
      }
    )
  }
  return (
    <form class="rating" onSubmit={submit}>
      <fieldset>
        <legend>{et('rateQuestion')}</legend>
        <div class="scores">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class={n === score ? 'on' : undefined}>
              <input type="radio" name="ze-score" value={n} checked={n === score} onChange={() => setScore(n)} aria-label={et('rateScore', { n })} />
              <span aria-hidden="true">{n}</span>
            </label>
          ))}
        </div>
        <p class="hint">{et('rateScale')}</p>
      </fieldset>
      {score > 0 && (
        <label class="rcomment">
          {et('rateComment')}
          <textarea rows={2} maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
      )}
      <button type="submit" class="btn primary" disabled={!score || busy}>
        {et('rateSend')}
      </button>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
