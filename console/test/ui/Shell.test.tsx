import { cleanup, fireEvent, screen } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { liveState } from '../../src/live/events'
import { parseRoute } from '../../src/state/route'
import { counts, me } from '../helpers/factories'
import { installFakeApi } from '../helpers/fakeApi'
import { renderConsole } from '../helpers/render'

beforeEach(() => {
  localStorage.clear()
  installFakeApi({
    'GET /me': { body: me },
    'GET /cases': { body: { items: [], nextCursor: null } },
    'GET /cases/counts': { body: counts },
    'GET /offices': { body: { items: [] } }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

test('? shows the shortcuts in a dialog; Escape closes it; the button does the same', async () => {
  renderConsole()
  await screen.findByRole('heading', { name: 'Kolejka' })
  fireEvent.keyDown(document.body, { key: '?' })
  const dialog = await screen.findByRole('dialog', { name: 'Skróty klawiszowe' })
  for (const text of [
    'następna / poprzednia sprawa',
    'otwórz sprawę',
    'odpowiedz',
    'notatka wewnętrzna',
    'przypisz do mnie',
    'rozwiąż',
    'szukaj',
    'pokaż skróty'
  ]) {
    expect(dialog.textContent).toContain(text)
  }
  expect(document.activeElement?.textContent).toBe('Zamknij')
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(screen.queryByRole('dialog')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: 'Skróty (?)' }))
  fireEvent.click(await screen.findByRole('button', { name: 'Zamknij' }))
  expect(screen.queryByRole('dialog')).toBeNull()
})

test('the console keeps working when the live feed is down, and says so', async () => {
  renderConsole()
  await screen.findByRole('heading', { name: 'Kolejka' })
  liveState.set('down')
  expect((await screen.findByText(/Brak połączenia na żywo/)).getAttribute('role')).toBe('status')
  liveState.set('up')
})

test('routes: views, cases and the sign-in page with an invalid link', () => {
  expect(parseRoute('#/queue/waiting')).toEqual({ name: 'queue', view: 'waiting' })
  expect(parseRoute('#/queue/nonsense')).toEqual({ name: 'queue', view: 'unassigned' })
  expect(parseRoute('')).toEqual({ name: 'queue', view: 'unassigned' })
  expect(parseRoute('#/case/abc')).toEqual({ name: 'case', id: 'abc' })
  expect(parseRoute('#/signin?link=invalid')).toEqual({ name: 'signin', linkInvalid: true })
})
