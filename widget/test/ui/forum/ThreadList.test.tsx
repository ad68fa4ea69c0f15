import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { makeMe, makeThread } from '../../helpers/factories'
import { installFakeApi, problem, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

const page1 = [
  makeThread({ title: 'Korekta do paragonu', solved: true, replyCount: 2, author: { name: 'Marek Wiśniewski', role: 'employee', expert: false } }),
  makeThread({ title: 'Eksport JPK', replyCount: 1, author: { name: 'Anna Kowalska', role: 'office_chief', expert: false } }),
  makeThread({ title: 'Jak dodać klienta?', replyCount: 5, author: { name: 'Jan Ekspert', role: 'expert', expert: true } })
]
const page2 = [makeThread({ title: 'Uprawnienia pracownika', replyCount: 0 })]

let api: FakeApi
beforeEach(() => {
  api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    'GET /api/v1/forum/threads': (req) => {
      const q = req.query.get('q')
      if (q) return { body: { items: page1.filter((t) => t.title.toLowerCase().includes(q)), nextCursor: null } }
      return req.query.get('cursor') === 'c2' ? { body: { items: page2, nextCursor: null } } : { body: { items: page1, nextCursor: 'c2' } }
    }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const rows = () => screen.getAllByRole('listitem').map((li) => li.querySelector('b')?.textContent)

test('threads in the order the service gives (recent activity first) with solved, replies, author and role badges', async () => {
  renderWidget({ target: 'forum', me: makeMe() })
  await screen.findByText('Korekta do paragonu')
  expect(rows()).toEqual(['Korekta do paragonu', 'Eksport JPK', 'Jak dodać klienta?'])
  const [first, second, third] = screen.getAllByRole('listitem')
  expect(within(first!).getByText('✓ Rozwiązany')).toBeTruthy()
  expect(within(first!).getByText('2 odpowiedzi')).toBeTruthy()
  expect(within(first!).getByText('Pracownik')).toBeTruthy()
  expect(within(second!).queryByText(/Rozwiązany/)).toBeNull()
  expect(within(second!).getByText('1 odpowiedź')).toBeTruthy()
  expect(within(second!).getByText('Szef biura')).toBeTruthy()
  expect(within(third!).getByText('5 odpowiedzi')).toBeTruthy()
  expect(within(third!).getByText('Ekspert').className).toBe('tag exp')
})

test('"Pokaż więcej" loads the next page with nextCursor and disappears at the end', async () => {
  renderWidget({ target: 'forum', me: makeMe() })
  fireEvent.click(await screen.findByRole('button', { name: 'Pokaż więcej' }))
  await screen.findByText('Uprawnienia pracownika')
  expect(rows()).toHaveLength(4)
  expect(api.called('GET /api/v1/forum/threads').map((c) => c.query.get('cursor'))).toEqual([null, 'c2'])
  expect(screen.queryByRole('button', { name: 'Pokaż więcej' })).toBeNull()
})

test('search is debounced and asks the service', async () => {
  renderWidget({ target: 'forum', me: makeMe() })
  await screen.findByText('Korekta do paragonu')
  const box = screen.getByLabelText('Szukaj na forum')
  fireEvent.input(box, { target: { value: 'jp' } })
  fireEvent.input(box, { target: { value: 'jpk' } })
  await waitFor(() => expect(rows()).toEqual(['Eksport JPK']))
  expect(
    api
      .called('GET /api/v1/forum/threads')
      .slice(1)
      .map((c) => c.query.get('q'))
  ).toEqual(['jpk'])
  expect(screen.getByRole('status').textContent).toBe('Znalezione wątki: 1')
})

test('empty forum and a failed load with retry', async () => {
  let fail = true
  api.on('GET /api/v1/forum/threads', () => (fail ? problem(503, 'DATABASE_UNAVAILABLE') : { body: { items: [], nextCursor: null } }))
  renderWidget({ target: 'forum', me: makeMe() })
  expect((await screen.findByRole('alert')).textContent).toMatch('Nie udało się pobrać wątków.')
  fail = false
  fireEvent.click(screen.getByRole('button', { name: 'Spróbuj ponownie' }))
  expect(await screen.findByText('Na forum nie ma jeszcze wątków. Zadaj pierwsze pytanie!')).toBeTruthy()
})

test('a thread opens in the panel and Back returns to the list', async () => {
  const th = page1[0]!
  api.on(`GET /api/v1/forum/threads/${th.id}`, { body: { thread: { ...th, body: 'Pełna treść', canAccept: false }, posts: [] } })
  const { panel } = renderWidget({ target: 'forum', me: makeMe() })
  fireEvent.click(await screen.findByText('Korekta do paragonu'))
  expect(await screen.findByRole('heading', { name: 'Korekta do paragonu' })).toBeTruthy()
  expect(panel.store.get()).toMatchObject({ view: { name: 'thread', id: th.id } })
  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  expect(await screen.findByRole('button', { name: 'Nowy wątek' })).toBeTruthy()
})
