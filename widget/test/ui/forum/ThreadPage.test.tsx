import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { employee, makeMe, makePost, makeThreadWithPosts } from '../../helpers/factories'
import { installFakeApi, problem, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

const first = makePost({ body: 'Spróbuj przez menu Faktury.' })
const second = makePost({ body: 'Faktury » Dodaj » Faktura do paragonu, potem Korekta.', author: { name: 'Jan Ekspert', role: 'expert', expert: true } })

let api: FakeApi
beforeEach(() => {
  api = installFakeApi({ 'GET /api/v1/me': { body: makeMe() } })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function serve(thread: Parameters<typeof makeThreadWithPosts>[0], posts = [first, second]) {
  const data = makeThreadWithPosts({ title: 'Korekta do paragonu', body: 'Klient przyniósł paragon z NIP.\n<b>nie HTML</b>', ...thread }, posts)
  api.on(`GET /api/v1/forum/threads/${data.thread.id}`, { body: data })
  return data
}

const postTexts = () => Array.from(document.querySelectorAll('li.post .text')).map((p) => p.textContent)

test('shows the question as plain text and the visible replies oldest first', async () => {
  const data = serve({})
  renderWidget({ target: 'forum', me: makeMe() }).panel.navigate({ name: 'thread', id: data.thread.id })
  expect(await screen.findByRole('heading', { name: 'Korekta do paragonu' })).toBeTruthy()
  expect(screen.getByText(/<b>nie HTML<\/b>/)).toBeTruthy()
  expect(document.querySelector('.thread-q b')).toBeNull()
  expect(screen.getByRole('heading', { name: 'Odpowiedzi (2)' })).toBeTruthy()
  expect(postTexts()).toEqual([first.body, second.body])
  // not the author: no accept buttons
  expect(screen.queryByRole('button', { name: 'Oznacz jako rozwiązanie' })).toBeNull()
})

test('the accepted answer comes first and is marked', async () => {
  const data = serve({}, [first, { ...second, accepted: true }])
  renderWidget({ target: 'forum', me: makeMe() }).panel.navigate({ name: 'thread', id: data.thread.id })
  await screen.findByRole('heading', { name: 'Korekta do paragonu' })
  expect(postTexts()).toEqual([second.body, first.body])
  const accepted = document.querySelector<HTMLElement>('li.post.acc')!
  expect(within(accepted).getByText('✓ Zaakceptowana odpowiedź')).toBeTruthy()
  expect(screen.getAllByText('✓ Rozwiązany')).toHaveLength(1)
})

test('the thread author can accept a reply; the thread becomes solved', async () => {
  const data = serve({ canAccept: true })
  api.on(`POST /api/v1/forum/threads/${data.thread.id}/accept`, (req) => ({
    body: { thread: { ...data.thread, solved: true, acceptedPostId: (req.json as { postId: string }).postId } }
  }))
  renderWidget({ target: 'forum', me: makeMe() }).panel.navigate({ name: 'thread', id: data.thread.id })
  await screen.findByRole('heading', { name: 'Korekta do paragonu' })
  const buttons = screen.getAllByRole('button', { name: 'Oznacz jako rozwiązanie' })
  expect(buttons).toHaveLength(2)
  fireEvent.click(buttons[1]!)
  await screen.findByText('✓ Zaakceptowana odpowiedź')
  expect(api.called(`POST /api/v1/forum/threads/${data.thread.id}/accept`)[0]!.json).toEqual({ postId: second.id })
  expect(postTexts()).toEqual([second.body, first.body])
  expect(screen.getByText('✓ Rozwiązany')).toBeTruthy()
  // the other reply can still be chosen instead
  expect(screen.getAllByRole('button', { name: 'Oznacz jako rozwiązanie' })).toHaveLength(1)
})

test('a refused accept explains why', async () => {
  const data = serve({ canAccept: true })
  api.on(`POST /api/v1/forum/threads/${data.thread.id}/accept`, problem(403, 'NOT_THREAD_AUTHOR'))
  renderWidget({ target: 'forum', me: employee() }).panel.navigate({ name: 'thread', id: data.thread.id })
  fireEvent.click((await screen.findAllByRole('button', { name: 'Oznacz jako rozwiązanie' }))[0]!)
  expect((await screen.findByRole('alert')).textContent).toBe('Tylko autor wątku może zaakceptować odpowiedź.')
})

test('any user (here an employee) can reply; the reply is appended', async () => {
  const data = serve({})
  const mine = makePost({ body: 'U mnie też działa.', author: { name: 'Piotr Zieliński', role: 'employee', expert: false } })
  api.on(`POST /api/v1/forum/threads/${data.thread.id}/replies`, { status: 201, body: { post: mine } })
  renderWidget({ target: 'forum', me: employee() }).panel.navigate({ name: 'thread', id: data.thread.id })
  const box = (await screen.findByLabelText('Twoja odpowiedź')) as HTMLTextAreaElement
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  expect((await screen.findByRole('alert')).textContent).toBe('Wpisz treść.')
  expect(api.called(`POST /api/v1/forum/threads/${data.thread.id}/replies`)).toHaveLength(0)
  fireEvent.input(box, { target: { value: '  U mnie też działa. ' } })
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await waitFor(() => expect(postTexts()).toEqual([first.body, second.body, 'U mnie też działa.']))
  expect(api.called(`POST /api/v1/forum/threads/${data.thread.id}/replies`)[0]!.json).toEqual({ body: 'U mnie też działa.' })
  expect(box.value).toBe('')
  expect(screen.getByRole('heading', { name: 'Odpowiedzi (3)' })).toBeTruthy()
})

test('a rate-limited reply says when to try again and keeps the text', async () => {
  const data = serve({})
  api.on(`POST /api/v1/forum/threads/${data.thread.id}/replies`, { ...problem(429, 'RATE_LIMITED'), headers: { 'retry-after': '42' } })
  renderWidget({ target: 'forum', me: makeMe() }).panel.navigate({ name: 'thread', id: data.thread.id })
  const box = (await screen.findByLabelText('Twoja odpowiedź')) as HTMLTextAreaElement
  fireEvent.input(box, { target: { value: 'Jeszcze jedno' } })
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  expect((await screen.findByRole('alert')).textContent).toBe('Zbyt wiele wpisów — spróbuj za 42 s.')
  expect(box.value).toBe('Jeszcze jedno')
})

test('a hidden or unknown thread is simply not found', async () => {
  api.on('GET /api/v1/forum/threads/ffffffffffffffffffffffff', problem(404, 'THREAD_NOT_FOUND'))
  renderWidget({ target: 'forum', me: makeMe() }).panel.navigate({ name: 'thread', id: 'ffffffffffffffffffffffff' })
  expect((await screen.findByRole('alert')).textContent).toBe('Ten wątek nie istnieje lub został ukryty przez moderatora.')
})

test('"Zgłoś" on a reply sends the reason to the experts and thanks the user; a too short reason is refused first', async () => {
  const data = serve({})
  api.on(`POST /api/v1/forum/posts/${first.id}/report`, { status: 204 })
  renderWidget({ target: 'forum', me: employee() }).panel.navigate({ name: 'thread', id: data.thread.id })
  await screen.findByRole('heading', { name: 'Korekta do paragonu' })
  const reply = document.querySelector<HTMLElement>(`li.post[data-post="${first.id}"]`)!
  fireEvent.click(within(reply).getByRole('button', { name: 'Zgłoś' }))
  const reason = within(reply).getByLabelText('Co jest nie tak z tym wpisem?')
  fireEvent.input(reason, { target: { value: 'x' } })
  fireEvent.click(within(reply).getByRole('button', { name: 'Wyślij zgłoszenie' }))
  expect(within(reply).getByRole('alert').textContent).toContain('co najmniej 3 znaki')
  expect(api.called(`POST /api/v1/forum/posts/${first.id}/report`)).toHaveLength(0)
  fireEvent.input(reason, { target: { value: '  Reklama  ' } })
  fireEvent.click(within(reply).getByRole('button', { name: 'Wyślij zgłoszenie' }))
  await waitFor(() => expect(within(reply).getByRole('status').textContent).toContain('Dziękujemy'))
  expect(api.called(`POST /api/v1/forum/posts/${first.id}/report`)[0]!.json).toEqual({ reason: 'Reklama' })
  // The question can be reported too.
  expect(within(document.querySelector<HTMLElement>('.thread-q')!).getByRole('button', { name: 'Zgłoś' })).toBeTruthy()
})
