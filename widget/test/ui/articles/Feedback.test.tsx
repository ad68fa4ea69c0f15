import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import { employee, makeArticle, makeMe } from '../../helpers/factories'
import { installFakeApi, problem } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const article = makeArticle({ slug: 'korekta', title: 'Korekta faktury' })

test('"Czy to pomogło?": a vote is sent at once, then an optional comment with the same vote', async () => {
  const api = installFakeApi({
    'GET /api/v1/articles/korekta': { body: article },
    'POST /api/v1/articles/korekta/feedback': (req) => ({ body: { feedback: { ...(req.json as object), comment: null, votedAt: '2026-12-02T10:00:00.000Z' } } })
  })
  renderWidget({ target: 'articles', me: makeMe() }).panel.navigate({ name: 'article', slug: 'korekta' })
  const box = await screen.findByRole('region', { name: 'Czy to pomogło?' })
  fireEvent.click(within(box).getByRole('button', { name: 'Nie' }))
  await within(box).findByText('Dziękujemy za ocenę.')
  expect(api.called('POST /api/v1/articles/korekta/feedback')[0]!.json).toEqual({ helpful: false })
  expect(within(box).getByRole('button', { name: 'Nie' }).getAttribute('aria-pressed')).toBe('true')
  fireEvent.input(within(box).getByLabelText('Co możemy poprawić? (opcjonalnie)'), { target: { value: 'Brak zrzutów' } })
  fireEvent.click(within(box).getByRole('button', { name: 'Wyślij komentarz' }))
  await within(box).findByText(/komentarz trafi do autorów/)
  expect(api.called('POST /api/v1/articles/korekta/feedback')[1]!.json).toEqual({ helpful: false, comment: 'Brak zrzutów' })
})

test('an earlier vote is shown; a failed vote says so', async () => {
  installFakeApi({
    'GET /api/v1/articles/korekta': { body: { ...article, yourFeedback: { helpful: true, comment: null, votedAt: '2026-12-01T10:00:00.000Z' } } },
    'POST /api/v1/articles/korekta/feedback': problem(503, 'DATABASE_UNAVAILABLE')
  })
  renderWidget({ target: 'articles', me: makeMe() }).panel.navigate({ name: 'article', slug: 'korekta' })
  const box = await screen.findByRole('region', { name: 'Czy to pomogło?' })
  expect(within(box).getByRole('button', { name: 'Tak' }).getAttribute('aria-pressed')).toBe('true')
  fireEvent.click(within(box).getByRole('button', { name: 'Nie' }))
  await within(box).findByText('Nie udało się zapisać oceny. Spróbuj ponownie.')
})

test('every article ends with "Nadal potrzebujesz pomocy?" — for an employee: the forum and who can ask', async () => {
  installFakeApi({ 'GET /api/v1/articles/korekta': { body: article } })
  const { panel } = renderWidget({ target: 'articles', me: employee() })
  panel.navigate({ name: 'article', slug: 'korekta' })
  const next = await screen.findByRole('region', { name: 'Nadal potrzebujesz pomocy?' })
  expect(within(next).queryByRole('button', { name: 'Zapytaj Eksperta' })).toBeNull()
  expect(within(next).getByText('Pytanie do ekspertów może zadać szef Twojego biura.')).toBeTruthy()
  fireEvent.click(within(next).getByRole('button', { name: 'Zapytaj na forum' }))
  await waitFor(() => expect(panel.store.get()).toMatchObject({ view: { name: 'forum', compose: true } }))
})
