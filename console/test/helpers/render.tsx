import { render } from '@testing-library/preact'
import { App } from '../../src/ui/App'
import { route, parseRoute } from '../../src/state/route'
import { session } from '../../src/state/session'

/** The whole console at a hash route, as a browser would open it (session loaded from GET /me). */
export function renderConsole(hash = '#/queue/unassigned') {
  history.replaceState(null, '', hash)
  route.set(parseRoute(hash))
  session.set({ status: 'loading' })
  return render(<App />)
}
