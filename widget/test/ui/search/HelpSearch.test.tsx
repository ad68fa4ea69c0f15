import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import { employee, makeArticle, makeArticleSummary, makeMe, makeThread } from '../../helpers/factories'
import { installFakeApi, problem } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  localStorage.clear()
})

const articles = [makeArticleSummary({ slug: 'korekta-faktury', title: 'Korekta faktury' })]
const threads = [makeThread({ title: 'Korekta do paragonu' })]
/** The articles' ranked search and the forum's search, both answering `items` only for "korekta". */
const found = (on: (q: string | null) => boolean = (q) => q === 'korekta') => ({
  'GET /api/v1/articles': (req: { query: URLSearchParams }) => ({ body: { items: on(req.query.get('q')) ? articles : [], categories: [] } }),
  'GET /api/v1/forum/threads': (req: { query: URLSearchParams }) => ({ body: { items: on(req.query.get('q')) ? threads : [], nextCursor: null } })
})
const search = () => screen.getByRole('searchbox', { name: 'Szukaj odpowiedzi' })

test('Pomoc opens with "Szukaj odpowiedzi" above the tiles; results replace the tiles and open in the panel', async () => {
  const api = installFakeApi({
    ...found(),
    'GET /api/v1/articles/korekta-faktury': { body: makeArticle({ slug: 'korekta-faktury', title: 'Korekta faktury' }) }
  })
  const { panel } = renderWidget({ me: makeMe() })
  const box = search()
  expect(box.compareDocumentPosition(screen.getByRole('list')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  fireEvent.input(box, { target: { value: 'korekta' } })
  const first = await screen.findByRole('button', { name: /Korekta faktury/ })
  expect(screen.getByRole('button', { name: /Korekta do paragonu/ })).toBeTruthy()
  expect(screen.queryByRole('button', { name: /Artykuły/ })).toBeNull()
  // Debounced: one search for the whole word.
  expect(api.called('GET /api/v1/articles')).toHaveLength(1)
  expect(api.called('GET /api/v1/forum/threads')).toHaveLength(1)
  expect(screen.getByText('Nadal potrzebujesz pomocy?')).toBeTruthy()
  fireEvent.click(first)
  await waitFor(() => expect(panel.store.get()).toMatchObject({ view: { name: 'article', slug: 'korekta-faktury' } }))
  // Back: the query and its results are still there.
  panel.back()
  await waitFor(() => expect((search() as HTMLInputElement).value).toBe('korekta'))
})

test('no result: Zapytaj na forum carries the query as the title, Zapytaj Eksperta as the question', async () => {
  installFakeApi(found(() => false))
  const { panel } = renderWidget({ me: makeMe() })
  fireEvent.input(search(), { target: { value: 'zwrot VAT za paliwo' } })
  const next = await screen.findByRole('region', { name: /Nie znaleźliśmy odpowiedzi na „zwrot VAT za paliwo”/ })
  fireEvent.click(within(next).getByRole('button', { name: 'Zapytaj na forum' }))
  expect(panel.store.get()).toMatchObject({ view: { name: 'forum', compose: true, title: 'zwrot VAT za paliwo' } })
  expect(((await screen.findByLabelText('Tytuł')) as HTMLInputElement).value).toBe('zwrot VAT za paliwo')
  panel.back()
  fireEvent.click(within(await screen.findByRole('region', { name: /Nie znaleźliśmy/ })).getByRole('button', { name: 'Zapytaj Eksperta' }))
  expect(((await screen.findByLabelText('Twoje pytanie')) as HTMLTextAreaElement).value).toBe('zwrot VAT za paliwo')
})

test('an unsent question is never overwritten by the query', async () => {
  installFakeApi(found(() => false))
  const { session } = renderWidget({ me: makeMe() })
  session.saveDraft('Moje wcześniejsze pytanie', 'ask')
  fireEvent.input(search(), { target: { value: 'coś innego' } })
  fireEvent.click(await screen.findByRole('button', { name: 'Zapytaj Eksperta' }))
  expect(((await screen.findByLabelText('Twoje pytanie')) as HTMLTextAreaElement).value).toBe('Moje wcześniejsze pytanie')
})

test('employees get the forum and are told that their office chief can ask', async () => {
  installFakeApi(found(() => false))
  renderWidget({ me: employee() })
  fireEvent.input(search(), { target: { value: 'jpk' } })
  const next = await screen.findByRole('region', { name: /Nie znaleźliśmy/ })
  expect(within(next).getByRole('button', { name: 'Zapytaj na forum' })).toBeTruthy()
  expect(within(next).queryByRole('button', { name: 'Zapytaj Eksperta' })).toBeNull()
  expect(within(next).getByText('Pytanie do ekspertów może zadać szef Twojego biura.')).toBeTruthy()
})

test('a failed search says so in Polish and retries', async () => {
  let fail = true
  const ok = found()
  installFakeApi({ ...ok, 'GET /api/v1/forum/threads': (req) => (fail ? problem(503, 'DATABASE_UNAVAILABLE') : ok['GET /api/v1/forum/threads'](req)) })
  renderWidget({ me: makeMe() })
  fireEvent.input(search(), { target: { value: 'korekta' } })
  expect(await screen.findByText('Nie udało się wyszukać. Spróbuj ponownie.')).toBeTruthy()
  fail = false
  fireEvent.click(screen.getByRole('button', { name: 'Spróbuj ponownie' }))
  expect(await screen.findByRole('button', { name: /Korekta faktury/ })).toBeTruthy()
})
