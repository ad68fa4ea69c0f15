import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { AdminCase, SavedReply } from '@ze/contract'
import { savedReplies } from '../../src/state/saved-replies'
import CasePage from '../../src/ui/case/CasePage'
import SavedRepliesPage from '../../src/ui/replies/SavedRepliesPage'
import { adminCase, me, message } from '../helpers/factories'
import { installFakeApi, problem } from '../helpers/fakeApi'

let c: AdminCase
let replies: SavedReply[]
let api: ReturnType<typeof installFakeApi>
const at = new Date().toISOString()
const saved = (over: Partial<SavedReply>): SavedReply => ({
  id: 'f'.repeat(23) + String(replies.length),
  scope: 'shared',
  title: 'Tytuł',
  body: 'Treść',
  tags: [],
  owner: null,
  updatedBy: { id: 'x', name: 'Ola Admin' },
  createdAt: at,
  updatedAt: at,
  ...over
})

beforeEach(() => {
  localStorage.clear()
  savedReplies.set({ status: 'idle' })
  c = adminCase({ number: 7, createdBy: { id: 'chief', name: 'Anna Kowalska' } })
  replies = []
  replies.push(saved({ title: 'Powitanie', body: 'Dzień dobry {{imie}},', tags: ['start'] }))
  replies.push(
    saved({
      title: 'Korekta faktury',
      body: 'Sprawa {{numer}} ({{biuro}}): Faktury » Korekty.\n{{ekspert}}',
      tags: ['faktury'],
      scope: 'personal',
      owner: { id: me.id, name: me.name }
    })
  )
  api = installFakeApi({
    'GET /cases/:id': () => ({ body: { case: c, messages: [message(c, { body: 'Jak zrobić korektę?' })] } }),
    'GET /cases': { body: { items: [], nextCursor: null } },
    'POST /cases/:id/presence': { status: 204 },
    'GET /saved-replies': () => ({ body: { items: replies } }),
    'GET /article-links': (req) => ({
      body: { items: req.query.get('q') === 'nic' ? [] : [{ slug: 'korekta-faktury', title: 'Jak wystawić korektę', categoryName: 'Faktury' }] }
    })
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const openCase = async () => {
  render(<CasePage id={c.id} me={me} />)
  await screen.findByRole('heading', { name: /Sprawa #7/ })
  return screen.getByLabelText('Treść odpowiedzi') as HTMLTextAreaElement
}

test('; at the start opens the picker; typing filters; Enter inserts the reply with the case’s variables filled', async () => {
  const body = await openCase()
  body.focus()
  fireEvent.keyDown(body, { key: ';' })
  const search = await screen.findByRole('combobox', { name: 'Gotowe odpowiedzi' })
  expect(document.activeElement).toBe(search)
  const list = screen.getByRole('listbox', { name: 'Gotowe odpowiedzi' })
  await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2))
  // The preview is the text as it will be sent.
  expect(list.textContent).toContain('Sprawa 7 (Biuro Rachunkowe Kowalska): Faktury » Korekty.')
  fireEvent.input(search, { target: { value: 'faktur' } })
  expect(
    within(list)
      .getAllByRole('option')
      .map((o) => o.querySelector('.picker-title')?.textContent)
  ).toEqual(['Korekta faktury'])
  fireEvent.keyDown(search, { key: 'Enter' })
  await waitFor(() => expect(body.value).toBe('Sprawa 7 (Biuro Rachunkowe Kowalska): Faktury » Korekty.\nJa Ekspert'))
  expect(screen.queryByRole('combobox', { name: 'Gotowe odpowiedzi' })).toBeNull()
})

test('; inside a word is just a semicolon; the button opens the picker and the pick goes where the caret was', async () => {
  const body = await openCase()
  fireEvent.input(body, { target: { value: 'Witam;' } })
  body.setSelectionRange(6, 6)
  expect(fireEvent.keyDown(body, { key: ';' })).toBe(true)
  expect(screen.queryByRole('combobox', { name: 'Gotowe odpowiedzi' })).toBeNull()

  fireEvent.input(body, { target: { value: 'Start\n\nKoniec' } })
  body.setSelectionRange(6, 6)
  fireEvent.click(screen.getByRole('button', { name: /Wstaw gotową odpowiedź/ }))
  const search = await screen.findByRole('combobox', { name: 'Gotowe odpowiedzi' })
  await screen.findAllByRole('option')
  fireEvent.keyDown(search, { key: 'ArrowDown' })
  fireEvent.keyDown(search, { key: 'ArrowDown' })
  // Wrapped round to the first one: "Korekta faktury" sorts after "Powitanie" in this list.
  fireEvent.click(screen.getByRole('option', { name: /Powitanie/ }))
  await waitFor(() => expect(body.value).toBe('Start\nDzień dobry Anna,\nKoniec'))
})

test('Escape closes the picker without inserting', async () => {
  const body = await openCase()
  fireEvent.keyDown(body, { key: ';' })
  const search = await screen.findByRole('combobox', { name: 'Gotowe odpowiedzi' })
  fireEvent.keyDown(search, { key: 'Escape' })
  expect(screen.queryByRole('combobox', { name: 'Gotowe odpowiedzi' })).toBeNull()
  expect(body.value).toBe('')
})

test('the article picker inserts [title](article:slug) of the case’s app', async () => {
  const body = await openCase()
  fireEvent.click(screen.getByRole('button', { name: 'Link do artykułu' }))
  const search = await screen.findByRole('combobox', { name: 'Link do artykułu' })
  fireEvent.input(search, { target: { value: 'korekta' } })
  await waitFor(() => expect(api.called('GET /article-links').some((r) => r.query.get('q') === 'korekta' && r.query.get('appId') === c.appId)).toBe(true))
  fireEvent.click(await screen.findByRole('option', { name: /Jak wystawić korektę/ }))
  await waitFor(() => expect(body.value).toBe('[Jak wystawić korektę](article:korekta-faktury)'))
})

test('management: a non-admin sees shared ones read-only, creates a personal one, and cannot pick "shared"', async () => {
  api.on('POST /saved-replies', (req) => {
    const r = saved({ ...(req.json as object), scope: 'personal', owner: { id: me.id, name: me.name } } as Partial<SavedReply>)
    replies.push(r)
    return { status: 201, body: r }
  })
  render(<SavedRepliesPage me={me} />)
  const shared = await screen.findByRole('region', { name: 'Wspólne' })
  expect(within(shared).getByText('Powitanie')).toBeTruthy()
  expect(within(shared).queryByRole('button', { name: /Zmień/ })).toBeNull()
  const mine = screen.getByRole('region', { name: 'Moje' })
  expect(within(mine).getByRole('button', { name: 'Zmień: Korekta faktury' })).toBeTruthy()

  fireEvent.click(screen.getByRole('button', { name: 'Nowa odpowiedź' }))
  const form = await screen.findByRole('form', { name: 'Nowa odpowiedź' })
  expect(within(form).queryByRole('radio', { name: 'Wspólna' })).toBeNull()
  fireEvent.input(within(form).getByLabelText('Tytuł'), { target: { value: 'Pożegnanie' } })
  fireEvent.input(within(form).getByLabelText('Treść'), { target: { value: 'Pozdrawiam, {{ekspert}}' } })
  fireEvent.input(within(form).getByLabelText('Tagi'), { target: { value: 'koniec, Koniec , ' } })
  fireEvent.click(within(form).getByRole('button', { name: 'Zapisz' }))
  await waitFor(() => expect(within(screen.getByRole('region', { name: 'Moje' })).getByText('Pożegnanie')).toBeTruthy())
  expect(api.called('POST /saved-replies')[0]!.json).toEqual({ scope: 'personal', title: 'Pożegnanie', body: 'Pozdrawiam, {{ekspert}}', tags: ['koniec'] })
})

test('management: an admin edits a shared one; a refusal is explained', async () => {
  api.on('PATCH /saved-replies/:id', problem(403, 'ADMIN_ROLE_REQUIRED'))
  render(<SavedRepliesPage me={{ ...me, admin: true }} />)
  fireEvent.click(await screen.findByRole('button', { name: 'Zmień: Powitanie' }))
  const form = await screen.findByRole('form', { name: 'Zmień odpowiedź' })
  expect((within(form).getByLabelText('Treść') as HTMLTextAreaElement).value).toBe('Dzień dobry {{imie}},')
  fireEvent.click(within(form).getByRole('button', { name: 'Zapisz' }))
  expect((await screen.findByRole('alert')).textContent).toBe('Wspólne odpowiedzi zmieniają tylko eksperci z uprawnieniami administratora.')
})
