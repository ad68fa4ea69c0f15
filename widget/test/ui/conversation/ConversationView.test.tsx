import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { employee, file, makeCase, makeMe, makeMessage } from '../../helpers/factories'
import { installFakeApi, problem, type FakeApi } from '../../helpers/fakeApi'
import { renderWidget } from '../../helpers/render'

const c = makeCase({ id: 'c00000000000000000000001', subject: 'Faktura korygująca', unread: true, status: 'answered' })
const messages = [
  makeMessage({ caseId: c.id, body: 'Jak wystawić korektę?' }),
  makeMessage({
    caseId: c.id,
    author: { kind: 'expert', id: 'e1', name: 'Jan Ekspert' },
    body: 'Proszę wybrać…',
    attachments: [{ id: 'a00000000000000000000001', filename: 'instrukcja.pdf', contentType: 'application/pdf', size: 2048 }]
  })
]
let api: FakeApi
beforeEach(() => {
  api = installFakeApi({
    'GET /api/v1/me': { body: makeMe() },
    [`GET /api/v1/cases/${c.id}`]: { body: { case: c, messages } },
    'POST /api/v1/cases/read': { body: { changed: [c.id] } },
    'GET /api/v1/attachments/a00000000000000000000001': { raw: 'PDFDATA', headers: { 'content-type': 'application/pdf' } }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function dropOnReply(box: HTMLElement, files: File[]): void {
  const e = new Event('drop', { bubbles: true, cancelable: true })
  Object.defineProperty(e, 'dataTransfer', { value: { files } })
  fireEvent(box.closest('form')!, e)
}

test('renders chief and expert messages distinctly with the expert name, and marks the case read', async () => {
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  expect(await screen.findByRole('heading', { name: `Sprawa nr ${c.number}: Faktura korygująca` }, { timeout: 5000 })).toBeTruthy()
  const items = Array.from(document.querySelectorAll<HTMLElement>('li.msg'))
  expect(items.map((i) => i.dataset.author)).toEqual(['chief', 'expert'])
  expect(items[0]!.querySelector('.who b')?.textContent).toBe('Ty')
  expect(items[1]!.querySelector('.who b')?.textContent).toBe('Jan Ekspert · Ekspert')
  expect(screen.getByText('Odpowiedziano')).toBeTruthy()
  await waitFor(() => expect(api.called('POST /api/v1/cases/read')[0]?.json).toEqual({ ids: [c.id] }))
})

test('opening a conversation costs two requests: the service answers the new unread count with the read (no GET /me)', async () => {
  api.on('POST /api/v1/cases/read', { body: { changed: [c.id], unreadCount: 4 } })
  const { session, emit } = renderWidget({ target: { caseId: c.id }, me: makeMe() })
  await waitFor(() => expect(session.unread.get()).toBe(4))
  const read = api.called('POST /api/v1/cases/read')
  expect([read.length, read[0]!.query.get('include')]).toEqual([1, 'unreadCount'])
  expect(api.calls.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v1/cases/${c.id}`, 'POST /api/v1/cases/read'])
  expect(emit).toHaveBeenCalledWith('unread', 4)
})

test('attachments download with the bearer header through an object URL', async () => {
  const created: Blob[] = []
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        created.push(b)
        return 'blob:x'
      },
      revokeObjectURL: () => undefined
    })
  )
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  fireEvent.click(await screen.findByRole('button', { name: 'Pobierz instrukcja.pdf' }))
  await waitFor(() => expect(created).toHaveLength(1))
  const req = api.called('GET /api/v1/attachments/a00000000000000000000001')[0]!
  expect(req.headers.authorization).toMatch(/^Bearer /)
  expect(await created[0]!.text()).toBe('PDFDATA')
})

test('reply with an attachment is appended to the conversation', async () => {
  const reply = makeMessage({ caseId: c.id, body: 'Dziękuję, a co z KSeF?' })
  api.on(`POST /api/v1/cases/${c.id}/messages`, { status: 201, body: { case: { ...c, status: 'open' }, message: reply } })
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const box = (await screen.findByLabelText('Twoja odpowiedź')) as HTMLTextAreaElement
  fireEvent.input(box, { target: { value: 'Dziękuję, a co z KSeF?' } })
  // Files dropped anywhere on the compact reply box are attached.
  dropOnReply(box, [file('ekran.png', 16, 'image/png')])
  await screen.findByText('ekran.png')
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await waitFor(() => expect(document.querySelectorAll('li.msg')).toHaveLength(3))
  const sent = api.called(`POST /api/v1/cases/${c.id}/messages`)[0]!
  expect(sent.form?.get('body')).toBe('Dziękuję, a co z KSeF?')
  expect((sent.form?.get('files') as File).name).toBe('ekran.png')
  expect(screen.getByText('Przekazano ekspertom')).toBeTruthy()
  expect(box.value).toBe('')
})

test('an unsent reply survives leaving the conversation and a reload, per case; sending clears it', async () => {
  localStorage.clear()
  const first = renderWidget({ target: { caseId: c.id }, me: makeMe() })
  fireEvent.input(await screen.findByLabelText('Twoja odpowiedź'), { target: { value: 'Jeszcze jedno pytanie' } })
  first.unmount()
  expect(localStorage.getItem(`ze-draft:app-1:u-1:reply:${c.id}`)).toBe('Jeszcze jedno pytanie')

  const reply = makeMessage({ caseId: c.id, body: 'Jeszcze jedno pytanie' })
  api.on(`POST /api/v1/cases/${c.id}/messages`, { status: 201, body: { case: { ...c, status: 'open' }, message: reply } })
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const box = (await screen.findByLabelText('Twoja odpowiedź')) as HTMLTextAreaElement
  expect(box.value).toBe('Jeszcze jedno pytanie')
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await waitFor(() => expect(box.value).toBe(''))
  expect(localStorage.getItem(`ze-draft:app-1:u-1:reply:${c.id}`)).toBeNull()
})

test('unknown case shows not found; non-chiefs get no reply box', async () => {
  api.on(`GET /api/v1/cases/${c.id}`, problem(404, 'CASE_NOT_FOUND'))
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  expect(await screen.findByText('Nie znaleziono tej sprawy.')).toBeTruthy()
  cleanup()
  api.on(`GET /api/v1/cases/${c.id}`, { body: { case: c, messages } })
  // Opening marks the case read and refreshes /me: it must still say employee.
  api.on('GET /api/v1/me', { body: employee() })
  renderWidget({ target: { caseId: c.id }, me: employee() })
  await screen.findByRole('heading', { name: `Sprawa nr ${c.number}: Faktura korygująca` })
  expect(screen.queryByLabelText('Twoja odpowiedź')).toBeNull()
})

test('a 415 names the refused file in Polish and marks it in the list with Usuń; no pointless retry', async () => {
  api.on(
    `POST /api/v1/cases/${c.id}/messages`,
    problem(415, 'ATTACHMENT_TYPE_NOT_ALLOWED', {
      filename: 'ekran.png',
      detail: '"ekran.png" is not an allowed kind of file (detected: application/x-msdownload)'
    })
  )
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const box = (await screen.findByLabelText('Twoja odpowiedź')) as HTMLTextAreaElement
  fireEvent.input(box, { target: { value: 'Zrzut' } })
  dropOnReply(box, [file('ekran.png', 16, 'image/png')])
  await screen.findByText('ekran.png')
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  const alert = await screen.findByText(/Plik ekran.png nie może zostać załączony/)
  expect(alert.textContent).not.toContain('detected')
  expect(screen.queryByRole('button', { name: 'Spróbuj ponownie' })).toBeNull()
  const remove = await screen.findByRole('button', { name: 'Usuń ekran.png' })
  expect(remove.textContent).toBe('Usuń')
  fireEvent.click(remove)
  await waitFor(() => expect(screen.queryByText('ekran.png')).toBeNull())
})

test('a 429 counts down and keeps Odpowiedz disabled until the wait is over', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  api.on(`POST /api/v1/cases/${c.id}/messages`, {
    ...problem(429, 'RATE_LIMITED', { detail: 'Too many posts; try again in 2 seconds' }),
    headers: { 'retry-after': '2' }
  })
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const box = (await screen.findByLabelText('Twoja odpowiedź', undefined, { timeout: 5000 })) as HTMLTextAreaElement
  fireEvent.input(box, { target: { value: 'Jeszcze raz' } })
  fireEvent.click(screen.getByRole('button', { name: 'Odpowiedz' }))
  await screen.findByText('Za dużo wiadomości w krótkim czasie. Możesz wysłać ponownie za 2 s.')
  await waitFor(() => expect((screen.getByRole('button', { name: 'Odpowiedz' }) as HTMLButtonElement).disabled).toBe(true))
  await vi.advanceTimersByTimeAsync(1000)
  await screen.findByText(/ponownie za 1 s/)
  await vi.advanceTimersByTimeAsync(1100)
  await waitFor(() => expect((screen.getByRole('button', { name: 'Odpowiedz' }) as HTMLButtonElement).disabled).toBe(false))
  vi.useRealTimers()
})

test('near the 10,000 limit a counter appears; a longer paste is kept whole and blocks sending', async () => {
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const box = (await screen.findByLabelText('Twoja odpowiedź', undefined, { timeout: 5000 })) as HTMLTextAreaElement
  fireEvent.input(box, { target: { value: 'a'.repeat(9200) } })
  expect(await screen.findByText('9200 z 10000 znaków')).toBeTruthy()
  fireEvent.input(box, { target: { value: 'a'.repeat(10_050) } })
  expect(await screen.findByText(/o 50 znaków za długi/)).toBeTruthy()
  expect(box.value).toHaveLength(10_050)
  expect((screen.getByRole('button', { name: 'Odpowiedz' }) as HTMLButtonElement).disabled).toBe(true)
})

test('images show as thumbnails that open a lightbox; Escape closes only the lightbox', async () => {
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:thumb', revokeObjectURL: () => undefined }))
  const img = makeMessage({
    caseId: c.id,
    author: { kind: 'expert', id: 'e1', name: 'Jan Ekspert' },
    body: 'Zrzut: https://mojebiuro24.pl/pomoc',
    attachments: [{ id: 'a00000000000000000000002', filename: 'zaznaczone-pole.png', contentType: 'image/png', size: 4096 }]
  })
  api.on(`GET /api/v1/cases/${c.id}`, { body: { case: c, messages: [...messages, img] } })
  api.on('GET /api/v1/attachments/a00000000000000000000002', { raw: 'PNG', headers: { 'content-type': 'image/png' } })
  const { panel } = renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const link = await screen.findByRole('link', { name: 'https://mojebiuro24.pl/pomoc' }, { timeout: 5000 })
  expect(link.getAttribute('rel')).toBe('noopener noreferrer')
  const thumb = await screen.findByRole('button', { name: 'Powiększ zaznaczone-pole.png' })
  await waitFor(() => expect(thumb.querySelector('img')?.getAttribute('src')).toBe('blob:thumb'))
  fireEvent.click(thumb)
  const box = await screen.findByRole('dialog', { name: 'zaznaczone-pole.png' })
  fireEvent.keyDown(box, { key: 'Escape' })
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'zaznaczone-pole.png' })).toBeNull())
  expect(panel.store.get().status).toBe('open')
  // The PDF is a chip with its size.
  expect(screen.getByRole('button', { name: 'Pobierz instrukcja.pdf' }).textContent).toContain('2 KB')
})

test('a reply pushed by the event stream appears in place, is announced politely and marked read', async () => {
  const { session } = renderWidget({ target: { caseId: c.id }, me: makeMe() })
  await screen.findByRole('heading', { name: `Sprawa nr ${c.number}: Faktura korygująca` }, { timeout: 5000 })
  await waitFor(() => expect(api.called('POST /api/v1/cases/read')).toHaveLength(1))
  const pushed = makeMessage({ caseId: c.id, author: { kind: 'expert', id: 'e1', name: 'Jan Ekspert' }, body: 'Korektę wystawia się z listy faktur.' })
  api.on(`GET /api/v1/cases/${c.id}`, { body: { case: c, messages: [...messages, pushed] } })
  session.live.set({ type: 'message', caseId: 'another-case', messageId: 'x' })
  session.live.set({ type: 'message', caseId: c.id, messageId: pushed.id })
  await waitFor(() => expect(document.querySelectorAll('li.msg')).toHaveLength(3))
  const region = document.querySelector('p.sr[aria-live="polite"]')!
  expect(region.textContent).toBe('Jan Ekspert: Korektę wystawia się z listy faktur.')
  await waitFor(() => expect(api.called('POST /api/v1/cases/read')).toHaveLength(2))
  expect(api.called(`GET /api/v1/cases/${c.id}`)).toHaveLength(2)
})

test('an article link in an expert reply opens the article inside the panel; Back returns to the conversation', async () => {
  const withLink = [
    makeMessage({ caseId: c.id, author: { kind: 'expert', id: 'e1', name: 'Jan Ekspert' }, body: 'Opis: [Korekta faktury](article:korekta-faktury)' })
  ]
  api.on(`GET /api/v1/cases/${c.id}`, { body: { case: c, messages: withLink } })
  api.on('GET /api/v1/articles/korekta-faktury', {
    body: {
      slug: 'korekta-faktury',
      title: 'Korekta faktury',
      html: '<p>Faktury » Korekty</p>',
      category: 'faktury',
      categoryName: 'Faktury',
      tags: [],
      updatedAt: new Date().toISOString(),
      yourFeedback: null
    }
  })
  renderWidget({ target: { caseId: c.id }, me: makeMe() })
  const link = await screen.findByRole('link', { name: 'Korekta faktury' }, { timeout: 5000 })
  expect(link.getAttribute('target')).toBeNull()
  const before = location.href
  fireEvent.click(link)
  expect(await screen.findByRole('heading', { name: 'Korekta faktury', level: 3 }, { timeout: 5000 })).toBeTruthy()
  expect(location.href).toBe(before)
  fireEvent.click(screen.getByRole('button', { name: /Wstecz/ }))
  expect(await screen.findByRole('link', { name: 'Korekta faktury' })).toBeTruthy()
})
