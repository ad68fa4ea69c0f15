import { useState } from 'preact/hooks'
import { voteArticle } from '../../api/content'
import type { ArticleFeedback } from '../../api/types'
import { useWidget } from '../context'
import { useContentT } from '../content/i18n'

/** "Czy to pomogło?" under an article: yes/no at once, then an optional comment (one vote per user). */
export function Feedback({ slug, initial }: { slug: string; initial: ArticleFeedback | null }) {
  const { session } = useWidget()
  const t = useContentT()
  const [vote, setVote] = useState<boolean | null>(initial ? initial.helpful : null)
  const [comment, setComment] = useState(initial?.comment ?? '')
  const [phase, setPhase] = useState<'idle' | 'sending' | 'voted' | 'commented' | 'error'>(initial ? 'voted' : 'idle')

  const send = (helpful: boolean, text: string, done: 'voted' | 'commented'): void => {
    setVote(helpful)
    setPhase('sending')
    voteArticle(session.api, slug, helpful, text).then(
      () => setPhase(done),
      () => setPhase('error')
    )
  }
  const choice = (helpful: boolean, label: string) => (
    <button type="button" class="chip" aria-pressed={vote === helpful} disabled={phase === 'sending'} onClick={() => send(helpful, comment, 'voted')}>
      {label}
    </button>
  )
  return (
    <section class="fb" aria-labelledby="ze-fb">
      <h3 id="ze-fb" class="sub">
        {t('helped')}
      </h3>
      <div class="actions" role="group" aria-labelledby="ze-fb">
        {choice(true, t('yes'))}
        {choice(false, t('no'))}
      </div>
      <p role="status" class={phase === 'error' ? 'err' : 'hint'}>
        {phase === 'error' ? t('voteFailed') : phase === 'commented' ? t('commentThanks') : phase === 'voted' ? t('voteThanks') : ''}
      </p>
      {vote !== null && phase !== 'commented' && (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault()
            if (comment.trim()) send(vote, comment, 'commented')
          }}
        >
          <div class="field">
            <label for="ze-fb-comment">{t('voteComment')}</label>
            <textarea id="ze-fb-comment" rows={2} maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <button type="submit" class="btn sm" disabled={phase === 'sending' || !comment.trim()}>
              {t('sendComment')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
