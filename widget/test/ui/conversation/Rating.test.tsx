import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import { makeCase, makeMe, makeMessage } from '../../helpers/factories'
import { installFakeApi, problem } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const expertSays = (caseId: string) => makeMessage({ caseId, author: { kind: 'expert', id: 'e1', name: 'Jan Ekspert' }, body: 'Proszę wybrać…' })

function setup(status: 'open' | 'answered' | 'resolved', withExpert = true) {
  const c = makeCase({ status })
  const messages = [makeMessage({ caseId: c.id, body: 'Jak wystawić korektę?' }), ...(withExpert ? [expertSays(c.id)] : [])]
  const api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    [`GET /api/v1/cases/${c.id}`]: { body: { case: c, messages } },
    'POST /api/v1/cases/read': { body: { changed: [] } }
  })
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  return { c, api }
}

test('a resolved case asks whether the answer helped; 1–5 with a comment is sent and thanked for, and can be changed', async () => {
  const { c, api } = setup('resolved')
  expect(await screen.findByRole('group', { name: 'Czy odpowiedź eksperta pomogła?' }, { timeout: 5000 })).toBeTruthy()
  const send = screen.getByRole('button', { name: 'Wyślij ocenę' }) as HTMLButtonElement
  expect(send.disabled).toBe(true)
  api.on(`POST /api/v1/cases/${c.id}/rating`, { body: { case: { ...c, rating: { score: 4, comment: 'Pomogło', ratedAt: '2025-01-04T10:00:00.000Z' } } } })
  fireEvent.click(screen.getByRole('radio', { name: '4 z 5' }))
  fireEvent.input(screen.getByLabelText('Komentarz (opcjonalnie)'), { target: { value: 'Pomogło' } })
  fireEvent.click(send)
  expect((await screen.findByRole('status')).textContent).toBe('Dziękujemy! Twoja ocena: 4 z 5.')
  expect(api.called(`POST /api/v1/cases/${c.id}/rating`)[0]?.json).toEqual({ score: 4, comment: 'Pomogło' })
  fireEvent.click(screen.getByRole('button', { name: 'Zmień ocenę' }))
  expect((screen.getByRole('radio', { name: '4 z 5' }) as HTMLInputElement).checked).toBe(true)
})

test('an answered case shows an existing rating; without an expert answer or while open nothing is asked', async () => {
  const rated = makeCase({ status: 'answered', rating: { score: 2, comment: null, ratedAt: '2025-01-04T10:00:00.000Z' } })
  installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    [`GET /api/v1/cases/${rated.id}`]: { body: { case: rated, messages: [expertSays(rated.id)] } },
    'POST /api/v1/cases/read': { body: { changed: [] } }
  })
  renderWidget({ target: { caseId: rated.id }, me: makeMe() })
  expect(await screen.findByText('Dziękujemy! Twoja ocena: 2 z 5.', undefined, { timeout: 5000 })).toBeTruthy()
  cleanup()

  setup('open')
  await screen.findByRole('heading', { name: /Sprawa nr/ }, { timeout: 5000 })
  expect(screen.queryByText('Czy odpowiedź eksperta pomogła?')).toBeNull()
})

test('a refused rating is explained in Polish and the choice is kept', async () => {
  const { c, api } = setup('answered')
  api.on(`POST /api/v1/cases/${c.id}/rating`, problem(503, 'DATABASE_UNAVAILABLE'))
  fireEvent.click(await screen.findByRole('radio', { name: '5 z 5' }, { timeout: 5000 }))
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij ocenę' }))
  await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Serwis jest chwilowo niedostępny. Spróbuj ponownie za chwilę.'))
  expect((screen.getByRole('radio', { name: '5 z 5' }) as HTMLInputElement).checked).toBe(true)
})
