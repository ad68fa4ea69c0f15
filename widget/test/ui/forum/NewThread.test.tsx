import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { makeMe, makeThread, makeThreadWithPosts } from '../../helpers/factories'
import { installFakeApi, problem, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

let api: FakeApi
beforeEach(() => {
  api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    'GET /api/v1/forum/threads': { body: { items: [makeThread({ title: 'Stary wątek' })], nextCursor: null } }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function openForm() {
  const r = renderWidget({ target: 'forum', me: makeMe() })
  fireEvent.click(await screen.findByRole('button', { name: 'Nowy wątek' }))
  return { ...r, title: (await screen.findByLabelText('Tytuł')) as HTMLInputElement, body: screen.getByLabelText('Treść pytania') as HTMLTextAreaElement }
}

test('validates title and body before sending', async () => {
  const { title } = await openForm()
  fireEvent.click(screen.getByRole('button', { name: 'Opublikuj' }))
  expect(screen.getByText('Wpisz tytuł.')).toBeTruthy()
  expect(screen.getByText('Wpisz treść.')).toBeTruthy()
  expect(title.getAttribute('aria-invalid')).toBe('true')
  expect(api.called('POST /api/v1/forum/threads')).toHaveLength(0)
})

test('publishing opens the new thread; Back leads to the list, not the form', async () => {
  const created = makeThread({ title: 'Jak zmienić hasło?' })
  api.on('POST /api/v1/forum/threads', { status: 201, body: { thread: created } })
  api.on(`GET /api/v1/forum/threads/${created.id}`, { body: makeThreadWithPosts({ ...created, body: 'Nie pamiętam hasła.', canAccept: true }) })
  const { title, body, panel } = await openForm()
  fireEvent.input(title, { target: { value: ' Jak zmienić hasło? ' } })
  fireEvent.input(body, { target: { value: 'Nie pamiętam hasła.' } })
  fireEvent.click(screen.getByRole('button', { name: 'Opublikuj' }))
  expect(await screen.findByRole('heading', { name: 'Jak zmienić hasło?' })).toBeTruthy()
  expect(api.called('POST /api/v1/forum/threads')[0]!.json).toEqual({ title: 'Jak zmienić hasło?', body: 'Nie pamiętam hasła.' })
  expect(panel.store.get()).toMatchObject({ view: { name: 'thread', id: created.id } })
  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  expect(await screen.findByText('Stary wątek')).toBeTruthy()
})

test('429 RATE_LIMITED shows the wait from Retry-After and keeps the draft', async () => {
  api.on('POST /api/v1/forum/threads', { ...problem(429, 'RATE_LIMITED'), headers: { 'retry-after': '30' } })
  const { title, body } = await openForm()
  fireEvent.input(title, { target: { value: 'Tytuł' } })
  fireEvent.input(body, { target: { value: 'Treść' } })
  fireEvent.click(screen.getByRole('button', { name: 'Opublikuj' }))
  expect((await screen.findByRole('alert')).textContent).toBe('Zbyt wiele wpisów — spróbuj za 30 s.')
  expect(title.value).toBe('Tytuł')
  expect(body.value).toBe('Treść')
})

test('an unsent thread survives leaving the form; Anuluj discards it', async () => {
  const { title } = await openForm()
  fireEvent.input(title, { target: { value: 'Szkic' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wstecz' }))
  fireEvent.click(await screen.findByRole('button', { name: 'Nowy wątek' }))
  const again = (await screen.findByLabelText('Tytuł')) as HTMLInputElement
  expect(again.value).toBe('Szkic')
  fireEvent.click(screen.getByRole('button', { name: 'Anuluj' }))
  fireEvent.click(await screen.findByRole('button', { name: 'Nowy wątek' }))
  await waitFor(() => expect((screen.getByLabelText('Tytuł') as HTMLInputElement).value).toBe(''))
})
