import type { JSX } from 'preact'
import type { Me } from '../api/types'
import { useStore } from '../state/store'
import { useWidget } from './context'
import { Skeleton } from './Skeleton'

/** Renders children once /me is known; loading and error (with retry) otherwise. */
export function MeGate({ children }: { children: (me: Me) => JSX.Element }) {
  const { session } = useWidget()
  const s = useStore(session.me)
  if (s.status === 'ready') return children(s.me)
  if (s.status === 'loading') return <Skeleton />
  return (
    <div role="alert">
      <p class="err">{session.t('meError')}</p>
      <button type="button" class="btn" onClick={() => void session.refresh()}>
        {session.t('retry')}
      </button>
    </div>
  )
}
